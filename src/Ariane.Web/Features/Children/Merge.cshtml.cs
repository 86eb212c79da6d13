using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>
/// Merges another record of the same child into this one (the route's record stays): pick the other one by
/// its dossier number or a search, then a confirmation showing both side by side, with a reason; the POST
/// merges (<see cref="MergeChildren"/>). Works without JavaScript.
/// </summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class MergeModel(MergeChildren merge, GetChild getChild, FindChildByNumber find, SearchChildren search, Concerns.ChildConcerns concerns) : PageModel
{
    public ChildRecord? Survivor { get; private set; }

    public ChildRecord? Other { get; private set; }

    /// <summary>The IPs of each record, or null when the user may not read the social section.</summary>
    public int? SurvivorConcerns { get; private set; }

    public int? OtherConcerns { get; private set; }

    public IReadOnlyList<ChildListItem> Found { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? OtherId { get; set; }

    /// <summary>The other record's dossier number, as typed.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Numéro de dossier")]
    public string? Number { get; set; }

    /// <summary>Names to search the other record by.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    [Display(Name = "Motif de la fusion")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (OtherId is null && !string.IsNullOrWhiteSpace(Number))
        {
            var reference = await find.AmongReadableAsync(Number, cancellationToken);
            if (reference.ChildId is { } found && found != id)
            {
                OtherId = found;
            }
            else
            {
                ModelState.AddModelError(nameof(Number), !reference.Readable ? "Numéro de dossier illisible (par exemple 99-2026-000123)."
                    : reference.ChildId == id ? "C'est le numéro de ce dossier : saisissez celui de l'autre dossier." : "Aucun dossier de ce numéro parmi ceux que vous pouvez consulter.");
            }
        }

        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (OtherId is not { } otherId)
        {
            return await ShowAsync(id, cancellationToken);
        }

        var result = await merge.HandleAsync(id, new MergeChildrenRequest { AbsorbedChildId = otherId, Reason = Reason }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Le dossier n° {result.Value!.AbsorbedDossierNumber} a été fusionné dans ce dossier.";
                return RedirectToPage("Details", new { id });
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors!.ToDictionary(e => e.Key == "absorbedChildId" ? nameof(OtherId) : e.Key == "reason" ? nameof(Reason) : e.Key, e => e.Value), string.Empty);
                return await ShowAsync(id, cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (OtherId is { } otherId)
        {
            var both = await merge.OpenBothAsync(id, otherId, cancellationToken);
            switch (both.Status)
            {
                case ResultStatus.NotFound:
                    return NotFound();
                case ResultStatus.Forbidden:
                    return Forbid();
                case ResultStatus.Invalid:
                    ModelState.AddModelError(nameof(Number), both.Errors!.Values.First()[0]);
                    OtherId = null;
                    break;
                default:
                    Other = (await getChild.HandleAsync(otherId, cancellationToken)).Value;
                    if (Other is null)
                    {
                        return NotFound();
                    }

                    OtherConcerns = Other.Rights.MayRead(Section.Social) ? (await concerns.HandleAsync(otherId, cancellationToken)).Value?.Count : null;
                    break;
            }
        }

        var survivor = await getChild.HandleAsync(id, cancellationToken);
        if (!survivor.IsOk)
        {
            return NotFound();
        }

        Survivor = survivor.Value!;
        if (Survivor.Rights.Identity != AccessLevel.Write)
        {
            return Forbid();
        }

        SurvivorConcerns = Survivor.Rights.MayRead(Section.Social) ? (await concerns.HandleAsync(id, cancellationToken)).Value?.Count : null;
        if (Other is null && !string.IsNullOrWhiteSpace(Q))
        {
            var page = await search.HandleAsync(new SearchChildrenRequest { Q = Q, PageSize = 20 }, cancellationToken);
            if (page.IsOk)
            {
                Found = [.. page.Value!.Items.Where(c => c.Id != id)];
            }
            else
            {
                ModelState.AddErrors(page.Errors, string.Empty);
            }
        }

        return Page();
    }

    public static string Counts(ChildRecord r, int? concerns) =>
        $"{r.LinkedPersons.Count} personne(s) liée(s), {r.Addresses.Count} adresse(s), {r.ServiceAssignments.Count + r.WorkerAssignments.Count} affectation(s)"
        + (concerns is { } n ? $", {n} IP" : string.Empty);
}
