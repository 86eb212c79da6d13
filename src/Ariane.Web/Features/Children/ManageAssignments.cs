using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

/// <summary>A motive the assignment form offers, with the section of the record it belongs to.</summary>
public sealed record AssignmentMotiveOption(string Code, string Label, Section Section);

public sealed class AssignmentInput
{
    /// <summary>Assign a service (its members then reach the child through their roles)...</summary>
    public Guid? ServiceId { get; set; }

    /// <summary>...or name a professional on the child.</summary>
    public Guid? UserId { get; set; }

    [EnumDataType(typeof(WorkerRole), ErrorMessage = "Rôle inconnu.")]
    public WorkerRole Role { get; set; } = WorkerRole.CaseWorker;

    /// <summary>Why the service follows the child: the code of an active motive (GET /api/v1/assignment-motives).</summary>
    [StringLength(50, ErrorMessage = "Motif inconnu : choisissez un motif de la liste.")]
    public string? Motive { get; set; }

    [Required(ErrorMessage = "La date de début est obligatoire.")]
    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }
}

/// <summary>
/// Assigns a service or names a professional on a child, or ends an assignment. Needs the
/// ManageAssignments permission and write access to the child's identity section.
/// </summary>
public sealed class ManageAssignments(AppDbContext db, ChildAccess access, CurrentUser currentUser)
{
    public async Task<Result<Guid>> AssignAsync(Guid childId, AssignmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await AllowedAsync(childId, cancellationToken);
        if (allowed is not null)
        {
            return allowed.Value ? Result<Guid>.Forbidden() : Result<Guid>.NotFound();
        }

        var errors = Validation.Check(input);
        if ((input.ServiceId is null) == (input.UserId is null))
        {
            Validation.Add(errors, "serviceId", "Choisissez soit un service, soit un professionnel.");
        }

        if (input.StartsOn is { } s && input.EndsOn is { } e && e < s)
        {
            Validation.Add(errors, "endsOn", "La date de fin précède la date de début.");
        }

        if (input.ServiceId is { } serviceId && !await db.Services.AnyAsync(x => x.Id == serviceId && x.IsActive, cancellationToken))
        {
            Validation.Add(errors, "serviceId", "Service inconnu.");
        }

        var motive = ChildInput.Clean(input.Motive);
        if (input.ServiceId is not null && motive is null)
        {
            Validation.Add(errors, "motive", "Choisissez le motif de l'affectation.");
        }
        else if (input.ServiceId is not null && !errors.ContainsKey("motive") && !await db.Set<AssignmentMotive>().AnyAsync(m => m.Code == motive && m.IsActive, cancellationToken))
        {
            Validation.Add(errors, "motive", "Motif inconnu : choisissez un motif de la liste.");
        }
        else if (input.UserId is not null && motive is not null)
        {
            Validation.Add(errors, "motive", "Le motif concerne l'affectation d'un service, pas un professionnel nommé.");
        }

        if (input.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            Validation.Add(errors, "userId", "Professionnel inconnu ou désactivé.");
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.Invalid(errors);
        }

        Guid id;
        if (input.ServiceId is { } sid)
        {
            var assignment = new ServiceAssignment { ChildId = childId, ServiceId = sid, StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn, MotiveCode = motive };
            db.ServiceAssignments.Add(assignment);
            id = assignment.Id;
        }
        else
        {
            var assignment = new WorkerAssignment { ChildId = childId, UserId = input.UserId!.Value, Role = input.Role, StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn };
            db.WorkerAssignments.Add(assignment);
            id = assignment.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(id);
    }

    /// <summary>The active motives, in the département's order: the choices of the assignment form. No child data.</summary>
    public async Task<IReadOnlyList<AssignmentMotiveOption>> MotivesAsync(CancellationToken cancellationToken) =>
        await db.Set<AssignmentMotive>().AsNoTracking()
            .Where(m => m.IsActive)
            .OrderBy(m => m.Order).ThenBy(m => m.Code)
            .Select(m => new AssignmentMotiveOption(m.Code, m.Label, m.Section))
            .ToListAsync(cancellationToken);

    /// <summary>Ends a service or worker assignment on <paramref name="endsOn"/> (history is kept).</summary>
    public async Task<Result<bool>> EndAsync(Guid childId, Guid assignmentId, DateOnly endsOn, CancellationToken cancellationToken)
    {
        var allowed = await AllowedAsync(childId, cancellationToken);
        if (allowed is not null)
        {
            return allowed.Value ? Result<bool>.Forbidden() : Result<bool>.NotFound();
        }

        var service = await db.ServiceAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ChildId == childId, cancellationToken);
        var worker = service is null ? await db.WorkerAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ChildId == childId, cancellationToken) : null;
        var startsOn = service?.StartsOn ?? worker?.StartsOn;
        if (startsOn is null)
        {
            return Result<bool>.NotFound();
        }

        if (endsOn < startsOn)
        {
            return Result<bool>.Invalid("endsOn", "La date de fin précède la date de début.");
        }

        if (service is not null)
        {
            service.EndsOn = endsOn;
        }
        else
        {
            worker!.EndsOn = endsOn;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }

    /// <summary>Null when allowed; true when the child is visible but the role may not assign; false when not visible.</summary>
    private async Task<bool?> AllowedAsync(Guid childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!decision.Allowed)
        {
            return false;
        }

        // Cover is not ownership: a delegate (or an emergency reader) may not assign themselves for good.
        if (decision.Basis is AccessBasis.Delegation or AccessBasis.BreakGlass)
        {
            return true;
        }

        return await currentUser.HasAsync(Permission.ManageAssignments, cancellationToken) ? null : true;
    }
}
