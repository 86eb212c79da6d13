namespace Ariane.Core.Access;

/// <summary>Configurable limits of exceptional access (section "Access" of the settings).</summary>
public sealed class AccessOptions
{
    /// <summary>How long a break-the-glass access lasts. Default 4 hours: one on-call shift's emergency.</summary>
    public TimeSpan BreakGlassDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Longest delegation allowed. Default 90 days: a long sick leave, after which the child is reassigned.</summary>
    public TimeSpan MaxDelegationDuration { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long, after a transfer to another département is accepted, the sending département still reads
    /// what it recorded. Default 6 months: the hand-over, and the questions the receiving team asks.
    /// </summary>
    public int TransferReadMonths { get; set; } = 6;

    /// <summary>Shortest reason accepted for break-the-glass, so that a reason is an actual sentence.</summary>
    public int MinBreakGlassReasonLength { get; set; } = 15;
}
