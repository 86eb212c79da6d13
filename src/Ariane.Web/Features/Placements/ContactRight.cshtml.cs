using Ariane.Core.Access;
using Ariane.Core.Measures;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Measures;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// Records, corrects or removes a visiting or contact right of a linked person (docs/domain.md, Contact rights),
/// with its source (the decision, an agreement) and dates: what the card « Qui peut voir ou appeler cet enfant » shows.
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class ContactRightModel(GetChild getChild, ChildMeasures measures, ChildContactRights card, SaveContactRight save, TimeProvider time) : PageModel
{
    public const string ConflictMessage = "Ce droit a été modifié entre-temps : voici la version à jour. Vérifiez-la puis recommencez.";

    [BindProperty]
    public ContactRightRequest Input { get; set; } = new();

    /// <summary>Removing asks for an explicit confirmation (a right removed by mistake could let a forbidden visit happen).</summary>
    [BindProperty]
    public bool ConfirmRemoval { get; set; }

    public Guid Id { get; private set; }

    public Guid? ContactRightId { get; private set; }

    public ChildRecord? Child { get; private set; }

    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? contactRightId, Guid? personId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (contactRightId is { } rightId)
        {
            var rows = (await card.HandleAsync(id, cancellationToken)).Value?.Persons ?? [];
            if (rows.FirstOrDefault(r => r.ContactRightId == rightId) is not { } row)
            {
                return NotFound();
            }

            ContactRightId = rightId;
            Input = new ContactRightRequest
            {
                LinkedPersonId = row.LinkedPersonId,
                Kind = row.Kind,
                MeasureId = row.MeasureId,
                Source = row.Source,
                StartsOn = row.StartsOn,
                EndsOn = row.EndsOn,
                Terms = row.Terms,
                Version = row.Version ?? 0,
            };
        }
        else
        {
            Input.LinkedPersonId = personId;
            Input.StartsOn = Format.Today(time);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? contactRightId, CancellationToken cancellationToken)
    {
        var result = contactRightId is { } rightId
            ? await save.UpdateAsync(rightId, Input, false, cancellationToken)
            : await save.RecordAsync(id, Input, cancellationToken);
        return await AfterAsync(id, contactRightId, result, "Droit enregistré.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid contactRightId, CancellationToken cancellationToken)
    {
        if (!ConfirmRemoval)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(ConfirmRemoval), "Cochez la case pour confirmer la suppression.");
            return await LoadAsync(id, cancellationToken) ?? WithRight(contactRightId);
        }

        var result = await save.UpdateAsync(contactRightId, new ContactRightRequest { Version = Input.Version }, true, cancellationToken);
        return await AfterAsync(id, contactRightId, result, "Droit supprimé.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Guid? contactRightId, Result<ContactRightsCard> result, string done, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = done;
                return Redirect($"/Children/Details/{id}#contacts");
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                break;
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                var current = result.Value?.Persons.FirstOrDefault(r => r.ContactRightId == contactRightId);
                Input.Version = current?.Version ?? Input.Version;
                break;
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }

        return await LoadAsync(id, cancellationToken) ?? WithRight(contactRightId);
    }

    private PageResult WithRight(Guid? contactRightId)
    {
        ContactRightId = contactRightId;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var child = await getChild.HandleAsync(id, cancellationToken);
        if (!child.IsOk)
        {
            return NotFound();
        }

        if (child.Value!.Rights.Social != AccessLevel.Write)
        {
            return Forbid();
        }

        Child = child.Value;
        Measures = [.. ((await measures.HandleAsync(id, cancellationToken)).Value ?? []).Where(m => m.State != MeasureState.Ended)];
        return null;
    }
}
