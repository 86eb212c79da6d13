using Ariane.Core.Plans;

namespace Ariane.Web.Features.Plans;

/// <summary>
/// Configuration « Plans » (docs/domain.md §2.5): who signs a validated PPE. The texts name the département and the
/// holders of parental authority; the exact list is a département's choice (the young person often signs too).
/// </summary>
public sealed class PlanOptions
{
    public List<SignatoryKind> Signatories { get; set; } = [SignatoryKind.Departement, SignatoryKind.ParentalAuthorityHolder, SignatoryKind.Child];
}
