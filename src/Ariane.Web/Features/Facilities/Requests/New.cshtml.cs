using Ariane.Core.Access;
using Ariane.Core.Placements;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// The request form, reached from « Demander une place » on the board: the facility clicked is ticked, the
/// other facilities the board shows for this child can be added; the requester writes only what a facility
/// needs (type, date, siblings, needs, a phone). Age and sex come from the record (<see cref="SendPlacementRequest"/>
/// copies them), and the child's name never leaves this page. Social write on the child, opened by the handlers
/// (the child id is in the query string, not the route).
/// </summary>
[AuditedChildData(Section.Social, Writes = true)]
public sealed class NewRequestModel(ChildPlaceProfile profile, PlacesBoard board, GetFacility getFacility, SendPlacementRequest send, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ChildId { get; set; }

    /// <summary>The facility clicked on the board.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? FacilityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public CareType? CareType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Departement { get; set; }

    [BindProperty]
    public SendPlacementRequestInput Input { get; set; } = new();

    public ChildPlaceProfileView Child { get; private set; } = null!;

    /// <summary>The facilities offered: the board's answer for this child and this type of care, and any already ticked.</summary>
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public sealed record Candidate(Guid FacilityId, string Name, string Detail);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input.CareType = CareType ?? Core.Placements.CareType.Permanent;
        Input.WantedFrom = Format.Today(time);
        if (FacilityId is { } clicked)
        {
            Input.FacilityIds = [clicked];
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.ChildId = Child.ChildId;
        var result = await send.HandleAsync(Input, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                var count = result.Value!.Targets.Count;
                TempData["Message"] = count == 1 ? "Demande envoyée au lieu d'accueil." : $"Demande envoyée aux {count} lieux d'accueil.";
                return RedirectToPage("/Facilities/Requests/Request", new { placementRequestId = result.Value.Id });
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, nameof(Input));
                return Page();
            case ResultStatus.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    /// <summary>Opens the child (404 as for an unknown one; 403 to a reader who may not ask) and lists the candidates.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (ChildId is not { } childId || !(await profile.HandleAsync(childId, cancellationToken) is { IsOk: true } opened))
        {
            return NotFound();
        }

        Child = opened.Value!;
        if (!Child.MayRequest)
        {
            return Forbid();
        }

        var places = await board.HandleAsync(new PlacesQuery
        {
            CareType = Input.CareType,
            Age = Child.AgeYears,
            Sex = Child.Sex == Core.Children.Sex.Unknown ? null : Child.Sex,
            Departement = Departement,
        }, cancellationToken);
        var candidates = (places.Value?.Items ?? []).GroupBy(r => r.FacilityId)
            .Select(g => new Candidate(g.Key, g.First().FacilityName,
                $"{g.Sum(r => r.Available)} {(g.Sum(r => r.Available) == 1 ? "place" : "places")} · {g.First().City ?? $"département {g.First().DepartementCode}"}"))
            .ToList();
        // The ones ticked but not on this page of the board (the clicked one, or a choice kept after an error): at most 20.
        foreach (var id in Input.FacilityIds.Distinct().Where(i => candidates.All(c => c.FacilityId != i)).Take(20).ToList())
        {
            if ((await getFacility.HandleAsync(id, cancellationToken)).Value is { } f)
            {
                candidates.Insert(0, new Candidate(f.Id, f.Name, $"{f.Capacities.Sum(c => c.Available)} places · {f.City ?? $"département {f.DepartementCode}"}"));
            }
        }

        Candidates = [.. candidates.OrderByDescending(c => Input.FacilityIds.Contains(c.FacilityId))];
        return null;
    }
}
