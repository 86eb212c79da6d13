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

/// <summary>
/// A row whose section is its own value (an attachment filed under Health or Social): the audit records its
/// changes in that section rather than the type's <see cref="RecordSectionAttribute"/>, which stays the default.
/// </summary>
public interface ISectionedData
{
    Section AuditedSection { get; }
}
