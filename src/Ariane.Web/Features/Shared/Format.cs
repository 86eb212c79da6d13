using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Shared;

/// <summary>
/// How the screens show values: French labels, dates as dd/MM/yyyy, times in Europe/Paris (everything is
/// stored in UTC). One place, so that every page says the same thing the same way.
/// </summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Europe/Paris from the system's time-zone data, or the EU rule (CET/CEST) when the data is missing.</summary>
    public static TimeZoneInfo Paris { get; } = LoadParis();

    /// <summary>"12/03/2015", or an empty string when there is no date.</summary>
    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", Invariant) ?? string.Empty;

    /// <summary>A UTC instant shown in Paris local time: "12/03/2026 14:05".</summary>
    public static string DateTime(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy HH:mm", Invariant);

    public static string DateTime(DateTime? utc) => utc is { } u ? DateTime(u) : string.Empty;

    /// <summary>For sentences: "12/03/2026 à 14:05" (Paris time).</summary>
    public static string DateAtTime(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm", Invariant);

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// <summary>A wall-clock time typed by a user in Paris, as the UTC instant to store.</summary>
    public static DateTime FromParis(DateTime local)
    {
        var unspecified = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(unspecified))
        {
            // The hour skipped when clocks go forward: take the moment just after the jump.
            unspecified = unspecified.AddHours(1);
        }

        return System.DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(unspecified, Paris), DateTimeKind.Utc);
    }

    /// <summary>Today's date in Paris.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(ToParis(time.GetUtcNow().UtcDateTime));
    }

    /// <summary>Value for an &lt;input type="date"&gt;.</summary>
    /// <summary>A file's size as a French reader expects it: « 850 o », « 12 Ko », « 2,4 Mo ».</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} o",
        < 1024 * 1024 => $"{Math.Round(bytes / 1024d).ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} Ko",
        _ => $"{Math.Round(bytes / (1024d * 1024d), 1).ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} Mo",
    };

    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? string.Empty;

    public static string Sex(Sex sex) => sex switch
    {
        Core.Children.Sex.Male => "Garçon",
        Core.Children.Sex.Female => "Fille",
        _ => "Inconnu",
    };

    public static string Relation(PersonRelation relation) => relation switch
    {
        PersonRelation.Mother => "Mère",
        PersonRelation.Father => "Père",
        PersonRelation.ParentalAuthorityHolder => "Titulaire de l'autorité parentale",
        PersonRelation.Sibling => "Frère/sœur",
        PersonRelation.TrustedThirdParty => "Tiers digne de confiance",
        _ => "Autre",
    };

    public static string WorkerRole(WorkerRole role) => role switch
    {
        Core.Children.WorkerRole.CaseWorker => "Référent ASE",
        Core.Children.WorkerRole.Educator => "Éducateur",
        Core.Children.WorkerRole.FosterCarer => "Assistant familial",
        Core.Children.WorkerRole.Evaluator => "Évaluateur",
        Core.Children.WorkerRole.HealthProfessional => "Professionnel de santé",
        _ => "Autre",
    };

    /// <summary>What a role may do in a section: the one wording of the record's rights panel and the roles table.</summary>
    public static string Level(AccessLevel level) => level switch
    {
        AccessLevel.Write => "Consultation et modification",
        AccessLevel.Read => "Consultation",
        AccessLevel.Existence => "Existence seulement",
        _ => "Aucun accès",
    };

    /// <summary>The part of the record: the one label table of sections (record, roles table, audit).</summary>
    public static string Section(Section? section) => section switch
    {
        Core.Access.Section.Identity => "Identité",
        Core.Access.Section.Social => "Social",
        Core.Access.Section.Health => "Santé",
        Core.Access.Section.Judicial => "Judiciaire",
        Core.Access.Section.ConcernAuthor => "Auteur de l'IP",
        _ => string.Empty,
    };

    /// <summary>Why an access was allowed, as the audit shows it.</summary>
    public static string Basis(AccessBasis? basis) => basis switch
    {
        AccessBasis.DepartementScope => "rôle départemental",
        AccessBasis.ServiceAssignment => "service affecté",
        AccessBasis.PersonalAssignment => "professionnel nommé",
        AccessBasis.Delegation => "délégation",
        AccessBasis.BreakGlass => "bris de glace",
        AccessBasis.FormerDepartement => "ancien département (lecture après transfert)",
        AccessBasis.Transmission => "document transmis à la juridiction",
        AccessBasis.Denied => "refusé",
        _ => string.Empty,
    };

    public static string Outcome(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Denied => "Refusé",
        AuditOutcome.Failure => "Échec",
        _ => "Effectué",
    };

    /// <summary>French label of an audit event, from the block of the module that owns it.</summary>
    public static string EventType(AuditEventType type) => ModuleCatalogue.EventLabel(type);

    /// <summary>
    /// A child's age as workers say it: « 7 ans », « 14 mois » under two years (when months matter),
    /// « environ 12 ans » when only the birth year is known; null when the birth date is unknown.
    /// </summary>
    public static string? Age(int? birthYear, int? birthMonth, int? birthDay, DateOnly today)
    {
        if (birthYear is not { } year)
        {
            return null;
        }

        if (birthMonth is not { } month)
        {
            var years = today.Year - year;
            return years switch
            {
                < 0 => null,
                0 => "moins d'un an",
                1 => "environ 1 an",
                _ => $"environ {years} ans",
            };
        }

        var months = ((today.Year - year) * 12) + today.Month - month - (today.Day < (birthDay ?? 1) ? 1 : 0);
        return months switch
        {
            < 0 => null,
            0 => "moins d'un mois",
            < 24 => $"{months} mois",
            _ => $"{months / 12} ans",
        };
    }

    /// <summary>
    /// A dossier number shortened for tables: its last 8 characters, the random part of a version-7 id
    /// (the first ones are a timestamp shared by records created together). The full id stays in the link.
    /// </summary>
    public static string ShortId(Guid id) => "…" + id.ToString("N", Invariant)[^8..];

    private static TimeZoneInfo LoadParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // EU rule since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00.
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                System.DateTime.MinValue.Date, System.DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new System.DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new System.DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Paris", TimeSpan.FromHours(1), "Europe/Paris", "CET", "CEST", [rule]);
        }
    }
}
