using System.ComponentModel.DataAnnotations;

namespace Ariane.Web.Infrastructure;

/// <summary>Section "Security" of the settings.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Second factor required for every account. Can be turned off only in demo mode.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Minutes without activity before the session ends (ANSSI guidance for sensitive data: short).</summary>
    [Range(2, 240)]
    public int IdleTimeoutMinutes { get; set; } = 20;

    [Range(3, 20)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(12, 128)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>How often a session re-checks its account (deactivation, "log out everywhere"), in seconds.</summary>
    [Range(0, 600)]
    public int SessionRevalidationSeconds { get; set; } = 60;

    /// <summary>Lifetime of an API bearer token.</summary>
    [Range(5, 480)]
    public int ApiTokenMinutes { get; set; } = 60;
}

/// <summary>Section "Demo": a fictional département with demo accounts. Never in production.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    [Range(0, 100_000)]
    public int Children { get; set; } = 300;

    /// <summary>The one password of every demo account, printed at start.</summary>
    public string Password { get; set; } = "Ariane-Demo-2026!";
}
