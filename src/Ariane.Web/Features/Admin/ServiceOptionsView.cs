using Ariane.Web.Features.Admin.Users;

namespace Ariane.Web.Features.Admin;

/// <summary>Model of the _ServiceOptions and _RoleOptions partials: the choices and the one selected.</summary>
public sealed record MembershipOptionsView(MembershipOptions Options, string? Selected);
