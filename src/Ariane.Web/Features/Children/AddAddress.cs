using System.ComponentModel.DataAnnotations;
using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Children;

public sealed class AddressInput
{
    [Display(Name = "Adresse")]
    [Required(ErrorMessage = "L'adresse est obligatoire.")]
    [StringLength(300, ErrorMessage = "L'adresse ne peut dépasser 300 caractères.")]
    public string? Line { get; set; }

    [Display(Name = "Code postal")]
    [StringLength(10, ErrorMessage = "Le code postal ne peut dépasser 10 caractères.")]
    public string? PostalCode { get; set; }

    [Display(Name = "Commune")]
    [Required(ErrorMessage = "La commune est obligatoire.")]
    [StringLength(100, ErrorMessage = "La commune ne peut dépasser 100 caractères.")]
    public string? City { get; set; }

    [Display(Name = "Pays")]
    [StringLength(100, ErrorMessage = "Le pays ne peut dépasser 100 caractères.")]
    public string? Country { get; set; }

    [Display(Name = "Depuis le")]
    public DateOnly? From { get; set; }

    [Display(Name = "Jusqu'au")]
    public DateOnly? To { get; set; }
}

/// <summary>Adds an address to the child (current when it has no end date).</summary>
public sealed class AddAddress(AppDbContext db, ChildAccess access)
{
    public async Task<Result<AddressDto>> HandleAsync(Guid childId, AddressInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = await access.OpenAsync(childId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!decision.Allowed)
        {
            return Result<AddressDto>.NotFound();
        }

        var errors = Validation.Check(input);
        if (input.From is { } from && input.To is { } to && to < from)
        {
            Validation.Add(errors, "to", "La date de fin précède la date de début.");
        }

        if (errors.Count > 0)
        {
            return Result<AddressDto>.Invalid(errors);
        }

        var address = new ChildAddress
        {
            ChildId = childId,
            Line = input.Line!.Trim(),
            PostalCode = ChildInput.Clean(input.PostalCode),
            City = input.City!.Trim(),
            Country = ChildInput.Clean(input.Country) ?? "France",
            From = input.From,
            To = input.To,
        };
        db.ChildAddresses.Add(address);
        await db.SaveChangesAsync(cancellationToken);
        return Result<AddressDto>.Ok(ChildMapping.ToDto(address));
    }
}

/// <summary>Removes a mistaken address (after confirmation). The audit keeps the removed values.</summary>
public sealed class RemoveAddress(AppDbContext db, ChildAccess access)
{
    public async Task<Result<bool>> HandleAsync(Guid childId, Guid addressId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, AccessOperation.Write, Section.Identity, cancellationToken);
        if (!decision.Allowed)
        {
            return Result<bool>.NotFound();
        }

        var address = await db.ChildAddresses.SingleOrDefaultAsync(a => a.Id == addressId && a.ChildId == childId, cancellationToken);
        if (address is null)
        {
            return Result<bool>.NotFound();
        }

        db.ChildAddresses.Remove(address);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<bool>.NotFound();
        }

        return Result<bool>.Ok(true);
    }
}
