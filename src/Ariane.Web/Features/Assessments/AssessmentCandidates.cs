using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Assessments;

public sealed record EvaluatorCandidate(Guid UserId, string Name, Guid ServiceId, string ServiceName);

public sealed record HouseholdCandidate(Guid Id, string DossierNumber, string Name, string BirthDate);

public sealed record AssessmentProposal(IReadOnlyList<EvaluatorCandidate> Evaluators, IReadOnlyList<HouseholdCandidate> Household);

/// <summary>
/// What the CRIP chooses from when opening an evaluation: the professionals of the département who may
/// evaluate, and the other minors of the household — the children who share a parent with a child of
/// the IP (<see cref="LinkedPerson.ParentKeyOf"/>), among those the CRIP may read, under 18.
/// </summary>
public sealed class AssessmentCandidates(AppDbContext db, ChildAccess access, TimeProvider time)
{
    private const int MaxHousehold = 20;

    public async Task<AssessmentProposal> HandleAsync(Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var codes = (await db.AccessRoles.AsNoTracking().Select(r => new { r.Code, r.Permissions }).ToListAsync(cancellationToken))
            .Where(r => r.Permissions.HasFlag(Permission.Evaluate)).Select(r => r.Code).ToList();
        var dept = concern.DepartementCode;
        var evaluators = (await db.Memberships.AsNoTracking()
                .Where(m => codes.Contains(m.RoleCode) && m.Service!.IsActive && m.Service.Organisation!.DepartementCode == dept)
                .Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, m.ServiceId, ServiceName = m.Service!.Name })
                .Take(500)
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.Id)
            .Select(g => g.First())
            .OrderBy(x => x.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(x => new EvaluatorCandidate(x.Id, x.DisplayName, x.ServiceId, x.ServiceName))
            .ToList();

        var ids = concern.Children.Select(c => c.ChildId).ToList();
        var readable = await access.ReadableAsync(Section.Social, cancellationToken);
        var persons = db.LinkedPersons.AsNoTracking();
        var keys = persons.Where(p => ids.Contains(p.ChildId) && p.ParentKey != null).Select(p => p.ParentKey).Distinct();
        var found = await (
                from key in keys
                join p in persons on key equals p.ParentKey
                join c in readable on p.ChildId equals c.Id
                where !ids.Contains(c.Id)
                select new { c.Id, c.DossierNumber, c.BirthName, c.UsageName, c.FirstNames, c.BirthDate })
            .Distinct()
            .Take(MaxHousehold * 2)
            .ToListAsync(cancellationToken);
        var today = Format.Today(time);
        var household = found
            .Where(c => IsMinor(c.BirthDate, today))
            .Take(MaxHousehold)
            .Select(c => new HouseholdCandidate(c.Id, c.DossierNumber, Ariane.Core.Children.Child.NameOf(c.BirthName, c.UsageName, c.FirstNames), c.BirthDate.ToString()))
            .ToList();
        return new AssessmentProposal(evaluators, household);
    }

    /// <summary>Under 18 today, or of unknown age (the evaluator then checks).</summary>
    private static bool IsMinor(PartialDate birth, DateOnly today) => ConcernDeadlines.MayBeYoungerThan(birth, 18 * 12, today) || birth.Year is null;
}
