using Ariane.Core.Facilities;
using Ariane.Core.Placements;
using Ariane.Persistence;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Facilities;

public sealed class CapacityInput
{
    public CareType CareType { get; set; } = CareType.Permanent;
    public int AgeMinYears { get; set; }
    public int AgeMaxYears { get; set; } = 21;
    public AcceptedSex AcceptedSex { get; set; }
    public int Installed { get; set; }
    public int Supplementary { get; set; }
    public int Reserved { get; set; }
    public int Closed { get; set; }
    /// <summary>The line's version read, for a change.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Declares, changes or removes a capacity line (the facility's chef de service, or the département's cadre).
/// The declared figures (installed 01, reserved 04, closed 05, supplementary 06) are typed; occupied and held
/// are recounted in the same transaction, so available (02) is right as soon as it is saved (docs/decisions/0011).
/// </summary>
public sealed class SaveCapacity(AppDbContext db, CurrentUser currentUser, CapacityCounter counter, TimeProvider time)
{
    public async Task<Result<CapacityView>> AddAsync(Guid facilityId, CapacityInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (facility, denied) = await OpenAsync(facilityId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Result<CapacityView>.Invalid(errors);
        }

        var line = new FacilityCapacity { FacilityId = facility!.Id, DepartementCode = facility.DepartementCode, UpdatedByName = string.Empty };
        await ApplyAsync(line, facility, input, cancellationToken);
        db.FacilityCapacities.Add(line);
        line.Refresh(0, 0);
        await db.SaveChangesAsync(cancellationToken);
        return Result<CapacityView>.Ok(CapacityView.From(line));
    }

    public async Task<Result<CapacityView>> UpdateAsync(Guid facilityId, Guid capacityId, CapacityInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (facility, denied) = await OpenAsync(facilityId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var line = await db.FacilityCapacities.SingleOrDefaultAsync(c => c.Id == capacityId && c.FacilityId == facilityId, cancellationToken);
        if (line is null)
        {
            return Result<CapacityView>.NotFound();
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Result<CapacityView>.Invalid(errors);
        }

        db.Entry(line).Property(c => c.Version).OriginalValue = input.Version;
        await ApplyAsync(line, facility!, input, cancellationToken);
        await counter.RefreshAsync([line.Id], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.FacilityCapacities.AsNoTracking().SingleAsync(c => c.Id == capacityId, cancellationToken);
            return Result<CapacityView>.Conflict(new
            {
                message = "Quelqu'un a mis ces places à jour avant vous : voici les chiffres actuels.",
                current = CapacityView.From(current),
            });
        }

        return Result<CapacityView>.Ok(CapacityView.From(line));
    }

    public async Task<Result<bool>> RemoveAsync(Guid facilityId, Guid capacityId, CancellationToken cancellationToken)
    {
        var (_, denied) = await OpenAsync(facilityId, cancellationToken);
        if (denied is not null)
        {
            return denied.Status == ResultStatus.Forbidden ? Result<bool>.Forbidden() : Result<bool>.NotFound();
        }

        var line = await db.FacilityCapacities.SingleOrDefaultAsync(c => c.Id == capacityId && c.FacilityId == facilityId, cancellationToken);
        if (line is null)
        {
            return Result<bool>.NotFound();
        }

        if (line.Occupied > 0 || line.Held > 0
            || await db.Placements.AnyAsync(p => p.CapacityId == capacityId, cancellationToken)
            || await db.PlacementRequestTargets.AnyAsync(t => t.CapacityId == capacityId, cancellationToken))
        {
            return Result<bool>.Invalid("capacity", "Des accueils ou des demandes acceptées sont rattachés à cette ligne : mettez-la à zéro plutôt que de la supprimer.");
        }

        db.FacilityCapacities.Remove(line);
        await db.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }

    private async Task<(Facility? Facility, Result<CapacityView>? Denied)> OpenAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Id == facilityId, cancellationToken);
        if (facility is null || !FacilityRules.MayRead(subject, facility))
        {
            return (null, Result<CapacityView>.NotFound());
        }

        return FacilityRules.MayUpdatePlaces(subject, facility) ? (facility, null) : (null, Result<CapacityView>.Forbidden());
    }

    private async Task ApplyAsync(FacilityCapacity line, Facility facility, CapacityInput input, CancellationToken cancellationToken)
    {
        line.DepartementCode = facility.DepartementCode;
        line.Published = facility.PublishesPlaces && facility.IsActive;
        line.CareType = input.CareType;
        line.AgeMinYears = input.AgeMinYears;
        line.AgeMaxYears = input.AgeMaxYears;
        line.AcceptedSex = input.AcceptedSex;
        line.Installed = input.Installed;
        line.Supplementary = input.Supplementary;
        line.Reserved = input.Reserved;
        line.Closed = input.Closed;
        line.UpdatedAt = time.GetUtcNow().UtcDateTime;
        line.UpdatedByName = await currentUser.DisplayNameAsync(cancellationToken);
    }

    private static Dictionary<string, string[]> Validate(CapacityInput input)
    {
        var errors = new Dictionary<string, string[]>();
        Validation.Defined<Ariane.Core.Placements.CareType>(input.CareType, nameof(input.CareType), errors);
        Validation.Defined<AcceptedSex>(input.AcceptedSex, nameof(input.AcceptedSex), errors);
        if (input.AgeMinYears is < 0 or > 25 || input.AgeMaxYears is < 0 or > 25 || input.AgeMinYears > input.AgeMaxYears)
        {
            Validation.Add(errors, nameof(input.AgeMaxYears), "La tranche d'âge va de 0 à 25 ans, l'âge minimum avant l'âge maximum.");
        }

        foreach (var (name, value, label) in new[]
        {
            (nameof(input.Installed), input.Installed, "installées"), (nameof(input.Supplementary), input.Supplementary, "supplémentaires"),
            (nameof(input.Reserved), input.Reserved, "réservées"), (nameof(input.Closed), input.Closed, "fermées"),
        })
        {
            if (value is < 0 or > 999)
            {
                Validation.Add(errors, name, $"Le nombre de places {label} va de 0 à 999.");
            }
        }

        return errors;
    }
}
