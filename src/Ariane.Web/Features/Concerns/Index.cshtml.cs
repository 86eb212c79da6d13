using Ariane.Core.Access;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Concerns;

/// <summary>The CRIP's dashboard: IPs by state, the most urgent first, filtered by evaluator and service.</summary>
[AuditedChildData(Section.Social)]
public sealed class IndexModel(ListConcerns list, CurrentUser currentUser, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ConcernState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? EvaluatorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ServiceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ConcernBoard Board { get; private set; } = new(new ConcernCounts(0, 0, 0, 0), [], null);

    public bool MayRecord { get; private set; }

    /// <summary>The evaluators and services that appear on this département's evaluations, for the filters.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Evaluators { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        if (!(subject.Has(Permission.RecordConcern) || subject.Has(Permission.QualifyConcern) || subject.Has(Permission.ValidateAssessment) || subject.Has(Permission.Evaluate)))
        {
            return Forbid();
        }

        MayRecord = subject.Has(Permission.RecordConcern);
        var result = await list.HandleAsync(new ListConcernsRequest { State = State, EvaluatorId = EvaluatorId, ServiceId = ServiceId, After = After }, cancellationToken);
        Board = result.Value!;
        var departements = subject.Grants.Where(g => g.Role.Scope == AccessScope.Departement).DepartementCodes();
        if (departements.Count > 0)
        {
            var open = db.Assessments.AsNoTracking().Where(a => departements.Contains(a.DepartementCode) && a.State != Core.Assessments.AssessmentState.Validated);
            Evaluators = [.. (await open.SelectMany(a => a.Evaluators).Select(e => new { e.UserId, e.Name }).Distinct().Take(200).ToListAsync(cancellationToken))
                .OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (e.UserId, e.Name))];
            Services = [.. (await open.Join(db.Services, a => a.ServiceId, s => s.Id, (a, s) => new { s.Id, s.Name }).Distinct().Take(200).ToListAsync(cancellationToken))
                .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (s.Id, s.Name))];
        }

        return Page();
    }
}
