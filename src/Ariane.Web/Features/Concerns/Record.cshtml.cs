using Ariane.Core.Access;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Concerns;

/// <summary>
/// Records an IP on one screen, while on the phone: the children are found with the record search
/// (spelling and sound tolerant) and added, or typed as new; at saving, new children that look like known
/// ones are shown first. Every button posts the whole form, so nothing typed is lost (no JavaScript needed).
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class RecordModel(RecordConcern record, SearchChildren search, CurrentUser currentUser, TimeProvider time) : PageModel
{
    [BindProperty]
    public RecordConcernRequest Input { get; set; } = new();

    /// <summary>The names of the children chosen, carried with their ids so that the list shows them without a query.</summary>
    [BindProperty]
    public List<string> ChosenNames { get; set; } = [];

    [BindProperty]
    public string? Query { get; set; }

    public IReadOnlyList<ChildListItem> Results { get; private set; } = [];

    public bool Searched { get; private set; }

    public IReadOnlyList<NewChildDuplicates> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await currentUser.HasAsync(Permission.RecordConcern, cancellationToken))
        {
            return Forbid();
        }

        Input.ReceivedOn = Format.Today(time);
        Input.ReceivedTime = TimeOnly.FromDateTime(Format.ToParis(time.GetUtcNow().UtcDateTime));
        Input.Reporter = new ReporterInput();
        Input.Adults = [new AdultInput(), new AdultInput()];
        return Page();
    }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Searched = true;
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var found = await search.HandleAsync(new SearchChildrenRequest { Q = Query, PageSize = 10 }, cancellationToken);
            Results = found.IsOk ? [.. found.Value!.Items.Where(i => !Input.ChildIds.Contains(i.Id))] : [];
        }

        return Page();
    }

    public IActionResult OnPostAddChild(Guid childId, string childName)
    {
        ModelState.Clear();
        if (!Input.ChildIds.Contains(childId) && Input.ChildIds.Count < RecordConcernRequest.MaxChildren)
        {
            Input.ChildIds.Add(childId);
            ChosenNames.Add(childName);
        }

        Query = null;
        return Page();
    }

    public IActionResult OnPostRemoveChild(int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.ChildIds.Count)
        {
            Input.ChildIds.RemoveAt(index);
            if (index < ChosenNames.Count)
            {
                ChosenNames.RemoveAt(index);
            }
        }

        return Page();
    }

    public IActionResult OnPostAddNew()
    {
        ModelState.Clear();
        if (Input.NewChildren.Count < RecordConcernRequest.MaxChildren)
        {
            Input.NewChildren.Add(new NewConcernChild { Child = new ChildInput { BirthName = Query?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() } });
        }

        return Page();
    }

    public IActionResult OnPostRemoveNew(int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.NewChildren.Count)
        {
            Input.NewChildren.RemoveAt(index);
        }

        return Page();
    }

    /// <summary>« C'est cet enfant » on a duplicate: the known child replaces the new one.</summary>
    public IActionResult OnPostUseKnown(int index, Guid childId, string childName)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.NewChildren.Count)
        {
            Input.NewChildren.RemoveAt(index);
        }

        return OnPostAddChild(childId, childName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await record.HandleAsync(Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok when result.Value!.Recorded is { } recorded:
                TempData["Message"] = $"Information préoccupante {recorded.Number} enregistrée ; échéance de l'évaluation le {Format.Date(recorded.DueOn)}.";
                return RedirectToPage("/Concerns/Details", new { concernId = recorded.Id });
            case ResultStatus.Ok:
                ModelState.Clear();
                Duplicates = result.Value!.Duplicates;
                return Page();
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            default:
                return Forbid();
        }
    }
}
