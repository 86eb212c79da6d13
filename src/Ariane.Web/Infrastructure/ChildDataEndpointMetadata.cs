using Ariane.Core.Access;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Declares that an endpoint or page reaches child data, and in which section. A test walks every
/// endpoint and fails when one is neither <see cref="AuditedChildDataAttribute"/> nor
/// <see cref="NoChildDataAttribute"/>: a new page cannot forget the question.
/// <para>
/// The declaration is enforced: when the route carries a child id (<c>{childId}</c>, or <c>{id}</c> on the
/// child pages), <see cref="ChildGate"/> opens the child for that section before the endpoint runs, and a
/// refusal answers as for an unknown id, with an « accès refusé » audit row naming that section
/// (docs/architecture.md, Access).
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AuditedChildDataAttribute(Section section) : Attribute
{
    public Section Section { get; } = section;

    /// <summary>
    /// The page's GET already serves a change (an edit form, a confirmation before removal): opening it
    /// asks for the right to write, so that a reader is refused before anything is read. Otherwise GET and
    /// HEAD ask for reading and every other method for writing.
    /// </summary>
    public bool Writes { get; init; }

    /// <summary>
    /// What the gate opens the child for when the handler decides the rest itself: a journal entry filed under social or
    /// health (the gate asks to read the journal, the handler to write the section the request names, a doctor writing
    /// health while only reading the social part); the plan, that a partner reads with a mere « existence » of the
    /// social follow-up (the gate asks for existence, the plan's rules decide). A stranger to the child is still refused
    /// before anything runs; the handler's own refusal writes its « accès refusé » row.
    /// </summary>
    /// <remarks>Left at 0 (no operation), the method decides: reading for GET and HEAD, writing otherwise.</remarks>
    public AccessOperation OpensFor { get; init; }

    public AccessOperation OperationFor(string httpMethod) => Enum.IsDefined(OpensFor) ? OpensFor
        : (Writes || !(HttpMethods.IsGet(httpMethod) || HttpMethods.IsHead(httpMethod)) ? AccessOperation.Write : AccessOperation.Read);
}

/// <summary>Declares that an endpoint or page never returns nor changes child data.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class NoChildDataAttribute : Attribute;

/// <summary>
/// An endpoint that takes a child id but is not opened through <see cref="ChildGate"/>, because the
/// user reaches it without a link to the child by design (break-the-glass, the DPO's access log). Its
/// handler decides and audits itself; the reason is stated here and checked by the deny sweep test.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class OutsideChildGateAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
