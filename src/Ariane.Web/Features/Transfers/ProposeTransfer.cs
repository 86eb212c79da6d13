using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Core.Organisations;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Transfers;

public sealed class ProposeTransferRequest
{
    [Required(ErrorMessage = "Choisissez le département qui reprend le suivi.")]
    [StringLength(3, ErrorMessage = "Code de département inconnu.")]
    public string? ToDepartementCode { get; set; }

    [Required(ErrorMessage = "La date de reprise est obligatoire.")]
    public DateOnly? EffectiveOn { get; set; }

    [Required(ErrorMessage = "Le motif est obligatoire.")]
    [StringLength(DepartementTransfer.ReasonMaxLength, MinimumLength = 10, ErrorMessage = "Le motif fait entre 10 et 1000 caractères.")]
    [MultiLine]
    public string? Reason { get; set; }

    [StringLength(DepartementTransfer.NoteMaxLength, ErrorMessage = "La note ne peut dépasser 4000 caractères.")]
    [MultiLine]
    public string? NoteForReceivers { get; set; }
}

/// <summary>
/// The référent or cadre of the responsible département proposes to pass the child's record to another
/// département (docs/decisions/0007-tenancy.md, Transfers). One proposal at a time per child.
/// </summary>
public sealed class ProposeTransfer(AppDbContext db, ChildAccess access, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<TransferDto>> HandleAsync(Guid childId, ProposeTransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opening = await access.OpenAsync(childId, AccessOperation.Write, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return Result<TransferDto>.NotFound();
        }

        // Only for the département that holds the child, by someone of that département who may propose.
        var from = opening.Facts!.ResponsibleDepartementCode;
        var subject = opening.Subject;
        // Not through a delegation: the record page offers no proposal then either.
        if (opening.Basis == AccessBasis.Delegation
            || !subject.Grants.Any(g => g.Role.Has(Permission.ProposeTransfer) && g.DepartementCode == from))
        {
            return Result<TransferDto>.Forbidden();
        }

        var errors = Validation.Check(request);
        // Ten characters of reason, not ten spaces and a letter.
        if (request.Reason is { } reason && reason.Trim().Length < 10 && !errors.ContainsKey("reason"))
        {
            Validation.Add(errors, "reason", "Le motif fait entre 10 et 1000 caractères.");
        }

        var to = request.ToDepartementCode?.Trim().ToUpperInvariant();
        if (to is not null && !errors.ContainsKey("toDepartementCode"))
        {
            if (to == from)
            {
                Validation.Add(errors, "toDepartementCode", "L'enfant relève déjà de ce département.");
            }
            else if (!await db.Organisations.AnyAsync(o => o.Kind == OrganisationKind.Departement && o.DepartementCode == to, cancellationToken))
            {
                Validation.Add(errors, "toDepartementCode", "Ce département n'utilise pas Ariane : le transfert ne peut pas lui être proposé.");
            }
        }

        var today = Shared.Format.Today(time);
        if (request.EffectiveOn is { } on && (on < today.AddDays(-31) || on > today.AddYears(1)))
        {
            Validation.Add(errors, "effectiveOn", "La date de reprise est comprise entre un mois avant et un an après aujourd'hui.");
        }

        if (errors.Count > 0)
        {
            return Result<TransferDto>.Invalid(errors);
        }

        if (await db.DepartementTransfers.AnyAsync(t => t.ChildId == childId && t.State == TransferState.Proposed, cancellationToken))
        {
            return Result<TransferDto>.Invalid("toDepartementCode", "Un transfert est déjà proposé pour cet enfant : attendez la réponse, ou retirez-le.");
        }

        var transfer = new DepartementTransfer
        {
            ChildId = childId,
            FromDepartementCode = from,
            ToDepartementCode = to!,
            EffectiveOn = request.EffectiveOn!.Value,
            Reason = request.Reason!.Trim(),
            NoteForReceivers = string.IsNullOrWhiteSpace(request.NoteForReceivers) ? null : request.NoteForReceivers.Trim(),
            ProposedByUserId = subject.UserId,
            ProposedByName = await currentUser.DisplayNameAsync(cancellationToken),
        };
        db.DepartementTransfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Proposed at the same moment by someone else: theirs stands.
            return Result<TransferDto>.Invalid("toDepartementCode", "Un transfert est déjà proposé pour cet enfant : attendez la réponse, ou retirez-le.");
        }

        return Result<TransferDto>.Ok(await TransferDto.LoadAsync(db, transfer.Id, cancellationToken));
    }
}
