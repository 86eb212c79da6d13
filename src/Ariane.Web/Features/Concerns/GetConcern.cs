using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Concerns;

/// <summary>
/// Opens an IP (social section of every child concerned): its content, the reporter as the reader's
/// rights allow, the children and adults, the state of its evaluation. One audit row lists the children.
/// </summary>
public sealed class GetConcern(AppDbContext db, ConcernAccess access, TimeProvider time)
{
    public async Task<Result<ConcernView>> HandleAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(concernId, AccessOperation.Read, Section.Social, tracked: false, cancellationToken);
        if (opening is null)
        {
            return Result<ConcernView>.NotFound();
        }

        var view = await LoadAsync(opening, cancellationToken);
        db.Audit.RecordList(AuditEventType.ConcernViewed, opening.Concern.Children.Select(c => c.ChildId), Section.Social,
            details: view.Reporter is { Withheld: false, IsProtected: true } ? """{"reporter":"shown"}""" : null)
            .EntityId = concernId;
        await db.SaveChangesAsync(cancellationToken);
        return Result<ConcernView>.Ok(view);
    }

    /// <summary>The view of an IP already opened for reading (no audit row: the caller writes it).</summary>
    public async Task<ConcernView> LoadAsync(ConcernOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var concern = opening.Concern;
        var ids = concern.Children.Select(c => c.ChildId).ToList();
        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.BirthDate.Year).ThenBy(c => c.BirthDate.Month).ThenBy(c => c.BirthDate.Day).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.BirthDate })
            .ToListAsync(cancellationToken);
        var reporter = await db.ConcernReporters.AsNoTracking().SingleOrDefaultAsync(r => r.ConcernId == concern.Id, cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Where(a => a.ConcernId == concern.Id)
            .Select(a => new { a.Id, a.State, a.Conclusion, Evaluators = a.Evaluators.OrderBy(e => e.Name).Select(e => e.Name).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        var today = Format.Today(time);
        var subject = opening.Subject;
        var mayWrite = opening.May(AccessOperation.Write, Section.Social);
        var mayQualify = mayWrite && subject.Grants.Any(g => g.Role.Has(Permission.QualifyConcern) && g.DepartementCode == concern.DepartementCode);
        ReporterView? reporterView = reporter is null
            ? null
            : opening.May(AccessOperation.Read, reporter.ReadSection)
                ? new ReporterView(reporter.IsProtected, false, reporter.Name, reporter.Capacity, reporter.Phone, reporter.Email)
                : new ReporterView(reporter.IsProtected, true, null, null, null, null);
        return new ConcernView(
            concern.Id, concern.Number, concern.DepartementCode, concern.State, concern.ReceivedAt, concern.Channel,
            concern.TransmitterCode, ConcernNomenclature.TransmitterLabel(concern.TransmitterCode),
            concern.OriginCode, ConcernNomenclature.OriginLabel(concern.OriginCode),
            [.. ConcernNomenclature.DangerLabels(concern.Dangers)], [.. ConcernNomenclature.DifficultyLabels(concern.FamilyDifficulties)],
            concern.GraveDanger, concern.Narrative, concern.DueOn, concern.DueOn.DayNumber - today.DayNumber,
            concern.Qualification, concern.QualifiedAt, concern.QualifiedByName, concern.ProsecutorReferralOn, concern.ProsecutorReferralReason,
            concern.JudgeInformedOn, concern.QualificationNote, concern.RecordedByName, reporterView,
            [.. children.Select(c => new ConcernChildView(c.Id, c.DossierNumber,
                Ariane.Core.Children.Child.NameOf(c.BirthName, c.UsageName, c.FirstNames), c.BirthDate.ToString()))],
            [.. concern.Adults.OrderBy(a => a.LastName).Select(a => new ConcernAdultView(a.Id, a.LastName, a.FirstNames, a.Relation, a.Phone, a.Address))],
            assessment is null ? null : new ConcernAssessmentSummary(assessment.Id, assessment.State, assessment.Evaluators, assessment.Conclusion),
            new ConcernRights(mayWrite && concern.State != ConcernState.Closed, mayQualify && concern.State == ConcernState.ToQualify,
                mayQualify && concern.State == ConcernState.InAssessment && assessment is null),
            concern.Version, concern.Dangers, concern.FamilyDifficulties);
    }
}
