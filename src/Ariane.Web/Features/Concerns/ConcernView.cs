using Ariane.Core.Assessments;
using Ariane.Core.Concerns;

namespace Ariane.Web.Features.Concerns;

public sealed record ConcernChildView(Guid Id, string DossierNumber, string Name, string BirthDate);

public sealed record ConcernAdultView(Guid Id, string LastName, string? FirstNames, string? Relation, string? Phone, string? Address);

/// <summary>
/// The reporter as the reader may see them: the identity when they may read its section
/// (<see cref="ConcernReporter.ReadSection"/>), otherwise only that it is protected.
/// </summary>
public sealed record ReporterView(bool IsProtected, bool Withheld, string? Name, string? Capacity, string? Phone, string? Email);

public sealed record ConcernAssessmentSummary(Guid Id, AssessmentState State, IReadOnlyList<string> Evaluators, AssessmentConclusion? Conclusion);

/// <summary>What the reader may do on this IP, so that screens offer only that.</summary>
public sealed record ConcernRights(bool MayEdit, bool MayQualify, bool MayOpenAssessment);

public sealed record ConcernView(
    Guid Id,
    string Number,
    string DepartementCode,
    ConcernState State,
    DateTime ReceivedAt,
    ConcernChannel Channel,
    int TransmitterCode,
    string TransmitterLabel,
    int OriginCode,
    string OriginLabel,
    IReadOnlyList<string> Dangers,
    IReadOnlyList<string> FamilyDifficulties,
    bool GraveDanger,
    string Narrative,
    DateOnly DueOn,
    int DaysLeft,
    ConcernQualification? Qualification,
    DateTime? QualifiedAt,
    string? QualifiedByName,
    DateOnly? ProsecutorReferralOn,
    string? ProsecutorReferralReason,
    DateOnly? JudgeInformedOn,
    string? QualificationNote,
    string RecordedByName,
    ReporterView? Reporter,
    IReadOnlyList<ConcernChildView> Children,
    IReadOnlyList<ConcernAdultView> Adults,
    ConcernAssessmentSummary? Assessment,
    ConcernRights Rights,
    int Version,
    // The flags as stored, for forms that edit them.
    ConcernDangers DangerFlags,
    FamilyDifficulties DifficultyFlags);
