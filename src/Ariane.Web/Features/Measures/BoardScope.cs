using Ariane.Core.Access;

namespace Ariane.Web.Features.Measures;

/// <summary>
/// What the measure boards (échéances, waiting list) keep of the children a user may read: the children of the
/// user's own départements, and the measures the user's services carry out. A département that handed a child over
/// still reads its record for a while (docs/decisions/0007-tenancy.md), but its boards do not follow the measures the
/// new département decides.
/// </summary>
internal static class BoardScope
{
    public static (List<string> Departements, List<Guid> Services) Of(AccessSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return (
            subject.Grants.DepartementCodes(),
            [.. subject.Grants.Select(g => g.ServiceId).Distinct()]);
    }
}
