using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Children;

public sealed class CreateChildRequest
{
    public ChildInput Child { get; set; } = new();

    /// <summary>Set after the user has looked at the likely duplicates and confirmed this is another child.</summary>
    public bool ConfirmNotDuplicate { get; set; }
}

public sealed record CreateChildResult(ChildSummary? Created, IReadOnlyList<DuplicateCandidate> Duplicates);

/// <summary>
/// Creates a child. First shows likely duplicates (unless confirmed), then creates the record and
/// assigns it to the creator's service so that the creator keeps access.
/// </summary>
public sealed class CreateChild(AppDbContext db, CurrentUser currentUser, FindDuplicates duplicates, TimeProvider time)
{
    public async Task<Result<CreateChildResult>> HandleAsync(CreateChildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Child is null)
        {
            return Result<CreateChildResult>.Invalid("child", "L'identité de l'enfant est obligatoire.");
        }

        var subject = await currentUser.SubjectAsync(cancellationToken);
        var creatorGrant = subject.Grants.FirstOrDefault(g => g.Role.Has(Permission.CreateChild));
        if (creatorGrant is null)
        {
            return Result<CreateChildResult>.Forbidden();
        }

        var today = Format.Today(time);
        var errors = request.Child.Validate(today, out var birthDate);
        if (errors.Count > 0)
        {
            return Result<CreateChildResult>.Invalid(errors);
        }

        if (!request.ConfirmNotDuplicate)
        {
            var found = await duplicates.HandleAsync(request.Child, birthDate, cancellationToken);
            if (found.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                return Result<CreateChildResult>.Ok(new CreateChildResult(null, found));
            }
        }

        var child = new Child { BirthName = string.Empty, FirstNames = string.Empty };
        request.Child.ApplyTo(child, birthDate);
        // The creator's département: that of the organisation of the service the record is opened in. A
        // creator in an organisation with no département (an association) leaves it empty, and the
        // persistence layer gives the installation's département (DossierNumbering).
        child.ResponsibleDepartementCode = creatorGrant.DepartementCode ?? string.Empty;
        db.Children.Add(child);
        db.ServiceAssignments.Add(new ServiceAssignment
        {
            ChildId = child.Id,
            ServiceId = creatorGrant.ServiceId,
            StartsOn = today,
            MotiveCode = AssignmentMotiveCatalogue.RecordOpened,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result<CreateChildResult>.Ok(new CreateChildResult(ChildMapping.ToSummary(child), []));
    }
}
