using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Placements;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Facilities;

/// <summary>
/// « Places disponibles »: the live board (FindPlaces), filtered in a GET form and paged on the keyset cursor.
/// With <see cref="ChildId"/> (« Une place pour cet enfant ») it shows the child's name, pre-fills age and sex
/// from the record, and offers « Demander une place » on each row: then it shows child data, hence the
/// declaration. The child is opened by <see cref="ChildPlaceProfile"/> (the id is in the query, not the route).
/// </summary>
[AuditedChildData(Section.Identity)]
public sealed class BoardModel(PlacesBoard board, ChildPlaceProfile profile, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CareType? CareType { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Emergency { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Age { get; set; }

    [BindProperty(SupportsGet = true)]
    public Sex? Sex { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Departement { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PostalCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ChildId { get; set; }

    public ChildPlaceProfileView? Child { get; private set; }

    public PlacesPage Places { get; private set; } = new([], null);

    public DateTime Now { get; private set; }

    /// <summary>
    /// This search at another page. Seeking for a child, age and sex are always in the link, even empty: a filter the
    /// user cleared stays cleared on the next page instead of being pre-filled again.
    /// </summary>
    public string PageUrl(Guid? after)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value, bool keepEmpty = false)
        {
            if (value is not null || keepEmpty)
            {
                query.Add(new(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            }
        }

        Add("childId", ChildId);
        Add("careType", CareType);
        Add("emergency", Emergency == true ? "true" : null);
        Add("age", Age, keepEmpty: ChildId is not null);
        Add("sex", Sex, keepEmpty: ChildId is not null);
        Add("departement", string.IsNullOrEmpty(Departement) ? null : Departement);
        Add("postalCode", string.IsNullOrEmpty(PostalCode) ? null : PostalCode);
        Add("after", after);
        return "/Facilities/Places" + QueryString.Create(query);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ChildId is { } childId)
        {
            var seeking = await profile.HandleAsync(childId, cancellationToken);
            if (!seeking.IsOk)
            {
                return NotFound();
            }

            Child = seeking.Value!;
            // Pre-filled only on the first arrival: once the form was sent, what the user chose wins (even empty).
            if (!Request.Query.ContainsKey("age"))
            {
                Age = Child.AgeYears;
            }

            if (!Request.Query.ContainsKey("sex") && Child.Sex != Core.Children.Sex.Unknown)
            {
                Sex = Child.Sex;
            }
        }

        Now = time.GetUtcNow().UtcDateTime;
        var result = await board.HandleAsync(new PlacesQuery
        {
            CareType = CareType,
            Emergency = Emergency,
            Age = Age,
            Sex = Sex,
            Departement = Departement,
            PostalCode = PostalCode,
            After = After,
        }, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                Places = result.Value!;
                return Page();
            case ResultStatus.Invalid:
                ModelState.Clear();
                ModelState.AddErrors(result.Errors, string.Empty);
                return Page();
            default:
                return Forbid();
        }
    }
}
