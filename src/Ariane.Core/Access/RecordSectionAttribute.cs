namespace Ariane.Core.Access;

/// <summary>
/// Declares which section of the child's record an entity belongs to. The audit interceptor records
/// every change with this section; later modules declare theirs here and nothing else changes.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RecordSectionAttribute(Section section) : Attribute
{
    public Section Section { get; } = section;
}
