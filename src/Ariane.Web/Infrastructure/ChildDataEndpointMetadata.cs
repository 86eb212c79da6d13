using Ariane.Core.Access;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Declares that an endpoint or page reaches child data and which audit events its handler writes.
/// A test walks every endpoint and fails when one is neither <see cref="AuditedChildDataAttribute"/>
/// nor <see cref="NoChildDataAttribute"/>: a new page cannot forget the question.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AuditedChildDataAttribute(Section section) : Attribute
{
    public Section Section { get; } = section;
}

/// <summary>Declares that an endpoint or page never returns nor changes child data.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class NoChildDataAttribute : Attribute;
