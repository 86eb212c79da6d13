using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Children;

/// <summary>
/// Assigns a service to the child, or names a professional on it: two small forms, each posting to its
/// own handler so that one form's fields never validate the other's.
/// </summary>
[AuditedChildData(Section.Identity, Writes = true)]
public sealed class AssignModel(GetChild getChild, ManageAssignments assignments, ListAssignableTargets targets, CurrentUser currentUser, TimeProvider time) : PageModel
{
    public AssignmentInput ServiceForm { get; set; } = new();

    public AssignmentInput WorkerForm { get; set; } = new();

    [BindProperty]
    public string? ChildName { get; set; }

    /// <summary>The dossier number, for the tab title (kept in a hidden field like the name).</summary>
    [BindProperty]
    public string? DossierNumber { get; set; }

    public Guid Id { get; private set; }

    public AssignableTargets Targets { get; private set; } = new([], []);

    public IReadOnlyList<AssignmentMotiveOption> Motives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await getChild.HandleAsync(id, cancellationToken);
        if (!result.IsOk)
        {
            return NotFound();
        }

        if (result.Value!.Rights.Identity != AccessLevel.Write || !await currentUser.HasAsync(Permission.ManageAssignments, cancellationToken))
        {
            return Forbid();
        }

        ChildName = result.Value.DisplayName;
        DossierNumber = result.Value.DossierNumber;
        var today = Format.Today(time);
        ServiceForm.StartsOn = today;
        WorkerForm.StartsOn = today;
        Targets = await targets.HandleAsync(cancellationToken);
        Motives = await assignments.MotivesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostServiceAsync(Guid id, [Bind(Prefix = nameof(ServiceForm))] AssignmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.UserId = null;
        if (input.ServiceId is null)
        {
            ModelState.AddModelError($"{nameof(ServiceForm)}.{nameof(AssignmentInput.ServiceId)}", "Choisissez le service à affecter.");
        }

        if (string.IsNullOrWhiteSpace(input.Motive))
        {
            ModelState.AddModelError($"{nameof(ServiceForm)}.{nameof(AssignmentInput.Motive)}", "Choisissez le motif de l'affectation.");
        }

        ServiceForm = input;
        WorkerForm.StartsOn = Format.Today(time);
        return await SaveAsync(id, input, nameof(ServiceForm), "Service affecté au dossier.", cancellationToken);
    }

    public async Task<IActionResult> OnPostWorkerAsync(Guid id, [Bind(Prefix = nameof(WorkerForm))] AssignmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.ServiceId = null;
        input.Motive = null;
        if (input.UserId is null)
        {
            ModelState.AddModelError($"{nameof(WorkerForm)}.{nameof(AssignmentInput.UserId)}", "Choisissez le professionnel à nommer.");
        }

        WorkerForm = input;
        ServiceForm.StartsOn = Format.Today(time);
        return await SaveAsync(id, input, nameof(WorkerForm), "Professionnel nommé sur le dossier.", cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(Guid id, AssignmentInput input, string prefix, string done, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await assignments.AssignAsync(id, input, cancellationToken);
            switch (result.Status)
            {
                case ResultStatus.Ok:
                    TempData["Message"] = done;
                    return RedirectToPage("Details", new { id });
                case ResultStatus.Forbidden:
                    return Forbid();
                case ResultStatus.NotFound:
                    return NotFound();
                default:
                    // "Choose a service or a professional" concerns the field of the form that was sent.
                    var errors = result.Errors?.ToDictionary(
                        e => e.Key == "serviceId" && prefix == nameof(WorkerForm) ? "userId" : e.Key, e => e.Value);
                    ModelState.AddErrors(errors, prefix);
                    break;
            }
        }

        Targets = await targets.HandleAsync(cancellationToken);
        Motives = await assignments.MotivesAsync(cancellationToken);
        return Page();
    }

    public static IEnumerable<WorkerRole> Roles { get; } = Enum.GetValues<WorkerRole>();
}
