using Ariane.Core.Access;
using Ariane.Web.Features.Access;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>
/// The child's record (identity section): identity, what the user may see in the other sections, linked
/// persons, addresses, assignments; and the actions the user's rights allow.
/// </summary>
[AuditedChildData(Section.Identity)]
public sealed class DetailsModel(
    GetChild getChild, ManageAssignments assignments, DescribeExceptionalAccess exceptional, CurrentUser currentUser, TimeProvider time,
    Transfers.ChildTransfers transfers, Concerns.ChildConcerns concerns,
    Placements.ChildJourney journey, Placements.ChildContactRights contactRights) : PageModel
{
    /// <summary>Measures and stays as a timeline (docs/domain.md, Placements), for readers of the social section.</summary>
    public Placements.ChildJourneyView? Journey { get; private set; }

    /// <summary>« Qui peut voir ou appeler cet enfant », for readers of the social section.</summary>
    public Placements.ContactRightsCard? ContactRights { get; private set; }

    /// <summary>Search the places board pre-filled from this child (age, sex).</summary>
    public bool CanFindPlaces { get; private set; }

    /// <summary>The IPs that concern the child, with their state, for readers of the social section.</summary>
    public IReadOnlyList<Concerns.ChildConcernRow> Concerns { get; private set; } = [];

    /// <summary>The child's transfers between départements (the history of its responsible département), for readers of the social section.</summary>
    public IReadOnlyList<Transfers.TransferDto> Transfers { get; private set; } = [];

    public bool CanProposeTransfer { get; private set; }

    /// <summary>The CRIP or a cadre of the child's département may merge another record of the same child into this one.</summary>
    public bool CanMerge { get; private set; }

    public ChildRecord? Record { get; private set; }

    public ExceptionalAccessDto? Exceptional { get; private set; }

    public DateOnly Today { get; private set; }

    public bool CanWrite => Record?.Rights.Identity == AccessLevel.Write;

    public bool CanManageAssignments { get; private set; }

    /// <summary>A linked person's notes belong to the social follow-up: no column for those who may not read it.</summary>
    public bool ShowsNotes => Record?.Rights.MayRead(Core.Children.LinkedPerson.NotesSection) == true;

    public bool CanViewAudit { get; private set; }

    public bool CanDelegate { get; private set; }

    /// <summary>The assignment whose "end" form failed, to show the error next to it.</summary>
    public Guid? FailedAssignmentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (result.Current is ChildMergedInto merged)
        {
            // A merged record leads to the one that absorbed it (docs/domain.md, Merging two records).
            TempData["Message"] = merged.Message;
            return RedirectToPage("Details", new { id = merged.SurvivorId });
        }

        return await LoadAsync(id, cancellationToken, result) ? Page() : NotFound();
    }

    /// <summary>Ends a service or worker assignment on the chosen date (the history is kept).</summary>
    public async Task<IActionResult> OnPostEndAssignmentAsync(Guid id, Guid assignmentId, DateOnly? endsOn, CancellationToken cancellationToken)
    {
        Result<bool> result;
        if (!ModelState.IsValid || endsOn is null)
        {
            var unreadable = ModelState["endsOn"]?.Errors.Count > 0;
            ModelState.Clear();
            result = Result<bool>.Invalid("endsOn", unreadable ? FrenchDates.InvalidMessage : "Saisissez la date de fin de l'affectation.");
        }
        else
        {
            result = await assignments.EndAsync(id, assignmentId, endsOn.Value, cancellationToken);
        }

        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Affectation terminée au {Format.Date(endsOn)}.";
                return RedirectToPage("Details", new { id });
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.Invalid:
                ModelState.AddErrors(result.Errors, string.Empty);
                FailedAssignmentId = assignmentId;
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken, Result<ChildRecord>? opened = null)
    {
        var result = opened ?? await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return false;
        }

        Record = result.Value!;
        Today = Format.Today(time);
        Exceptional = await exceptional.HandleAsync(id, Record.AccessBasis, cancellationToken);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        // Cover (delegation) is not ownership: the handler refuses assignments then, so the page does not offer them.
        CanManageAssignments = CanWrite && Record.AccessBasis is not AccessBasis.Delegation && subject.Has(Permission.ManageAssignments);
        CanMerge = CanWrite && Record.AccessBasis is not AccessBasis.Delegation
            && subject.Grants.Any(g => g.Role.Has(Permission.MergeChildren) && g.DepartementCode == Record.ResponsibleDepartementCode);
        CanViewAudit = subject.Has(Permission.ViewChildAudit) && Record.AccessBasis != AccessBasis.FormerDepartement;
        CanDelegate = subject.Has(Permission.Delegate)
            && Record.WorkerAssignments.Any(w => w.UserId == subject.UserId && IsActive(w.StartsOn, w.EndsOn));
        if (Record.Rights.MayRead(Section.Social))
        {
            Transfers = await transfers.ForChildAsync(id, subject, Record.RecordedBefore, cancellationToken);
            Concerns = (await concerns.HandleAsync(id, cancellationToken)).Value ?? [];
            Journey = (await journey.HandleAsync(id, cancellationToken)).Value;
            ContactRights = (await contactRights.HandleAsync(id, cancellationToken)).Value;
            CanFindPlaces = Record.Rights.Social == AccessLevel.Write && subject.Has(Permission.FindPlaces);
        }

        CanProposeTransfer = Record.Rights.Social == AccessLevel.Write && Record.AccessBasis is not AccessBasis.Delegation
            && subject.Grants.Any(g => g.Role.Has(Permission.ProposeTransfer) && g.DepartementCode == Record.ResponsibleDepartementCode)
            && !Transfers.Any(t => t.State == Core.Children.TransferState.Proposed);
        return true;
    }

    public bool IsActive(DateOnly startsOn, DateOnly? endsOn) => startsOn <= Today && (endsOn is null || endsOn >= Today);

    public string Status(DateOnly startsOn, DateOnly? endsOn) =>
        startsOn > Today ? "à venir" : IsActive(startsOn, endsOn) ? "en cours" : "terminée";

    /// <summary>"12 ans", "8 mois", or null when the birth date is unknown.</summary>
    public string? Age() => Record is { } r ? Format.Age(r.BirthYear, r.BirthMonth, r.BirthDay, Today) : null;

    /// <summary>« La mère », « le père » or « les deux parents ».</summary>
    public static string SharedParents(IReadOnlyList<Core.Children.PersonRelation> shared) =>
        shared.Count > 1 ? "Les deux parents" : shared.Contains(Core.Children.PersonRelation.Father) ? "Le père" : "La mère";

    /// <summary>What the user may know about a section, in words a field worker understands.</summary>
    public static string Explain(Section section, AccessLevel level) => (section, level) switch
    {
        (_, AccessLevel.Write) => "Vous pouvez consulter et compléter cette section.",
        (_, AccessLevel.Read) => "Vous pouvez consulter cette section.",
        (Section.Social, AccessLevel.Existence) => "Un suivi social peut exister : son contenu est réservé aux professionnels qui suivent l'enfant.",
        (Section.Health, AccessLevel.Existence) => "Un suivi santé peut exister : son contenu est réservé aux professionnels de santé.",
        (Section.Judicial, AccessLevel.Existence) => "Des décisions judiciaires peuvent exister : leur contenu est réservé aux professionnels habilités.",
        (Section.ConcernAuthor, AccessLevel.Existence) => "L'auteur d'une information préoccupante est connu du service : son identité est protégée.",
        (Section.ConcernAuthor, _) => "L'identité des personnes qui ont transmis une information préoccupante est protégée.",
        _ => "Cette section ne vous est pas accessible.",
    };
}
