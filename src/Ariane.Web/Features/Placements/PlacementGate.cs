using Ariane.Core.Access;
using Ariane.Web.Infrastructure;

namespace Ariane.Web.Features.Placements;

/// <summary>
/// The shared gate of the placement use cases: the child opened through <see cref="ChildAccess"/> for the
/// social section, and the role's permission held in the child's département. A stranger to the child gets
/// 404 (refused reads look like unknown records); a reader without the right gets 403.
/// </summary>
public static class PlacementGate
{
    public static async Task<(ChildOpening Opening, ResultStatus? Refusal)> OpenAsync(
        ChildAccess access, Guid childId, AccessOperation operation, Permission? permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var opening = await access.OpenAsync(childId, operation, Section.Social, cancellationToken);
        if (!opening.Allowed)
        {
            return (opening, opening.Permits(AccessOperation.Read, Section.Social) ? ResultStatus.Forbidden : ResultStatus.NotFound);
        }

        if (permission is { } p && !HoldsInDepartement(opening, p))
        {
            return (opening, ResultStatus.Forbidden);
        }

        return (opening, null);
    }

    public static bool HoldsInDepartement(ChildOpening opening, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(opening);
        return opening.Facts is { } facts
            && opening.Subject.Grants.Any(g => g.Role.Has(permission) && g.DepartementCode == facts.ResponsibleDepartementCode);
    }

    public static Result<T> Refuse<T>(ResultStatus status) =>
        status == ResultStatus.Forbidden ? Result<T>.Forbidden() : Result<T>.NotFound();

    /// <summary>
    /// A partial birth date as a date for the age rules: the latest day it may be (31 December, the month's last day),
    /// so that a child is never taken for older than she may be — the hotel ban under 16 protects the youngest.
    /// </summary>
    public static DateOnly? BirthOn(Core.Children.PartialDate birth)
    {
        if (birth?.Year is not { } y)
        {
            return null;
        }

        var month = birth.Month ?? 12;
        return new DateOnly(y, month, birth.Day ?? DateTime.DaysInMonth(y, month));
    }

    public static int AgeOn(DateOnly? birth, DateOnly day)
    {
        if (birth is not { } b)
        {
            return 0;
        }

        var age = day.Year - b.Year;
        return b.AddYears(age) > day ? age - 1 : age;
    }
}
