using Ariane.Core.Access;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Transfers;

/// <summary>Proposes the transfer of the child to another département: where, from when, why, and a note for the team that takes over.</summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class ProposeModel(GetChild getChild, ProposeTransfer propose, AppDbContext db, CurrentUser currentUser, TimeProvider time) : PageModel
{
    [BindProperty]
    public ProposeTransferRequest Input { get; set; } = new();

    [BindProperty]
    public string? ChildName { get; set; }

    [BindProperty]
    public string? DossierNumber { get; set; }

    public Guid Id { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Departements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        if (!await currentUser.HasAsync(Permission.ProposeTransfer, cancellationToken))
        {
            return Forbid();
        }

        ChildName = result.Value!.DisplayName;
        DossierNumber = result.Value.DossierNumber;
        Input.EffectiveOn = Format.Today(time);
        await LoadDepartementsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await propose.HandleAsync(id, Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Transfert proposé {Shared.French.A(result.Value!.ToDepartementName)}. Il apparaît sur son tableau des transferts et sur le vôtre.";
                return RedirectToPage("/Children/Details", new { id });
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                await LoadDepartementsAsync(cancellationToken);
                return Page();
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task LoadDepartementsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Departement && o.DepartementCode != null)
            .Select(o => new { Code = o.DepartementCode!, o.Name })
            .ToListAsync(cancellationToken);
        Departements = [.. rows.DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Name))];
    }
}
