using Ariane.Core.Access;
using Ariane.Core.Common;

namespace Ariane.Core.Organisations;

/// <summary>A user works in a service with a role: the basis of every right (user × service × role).</summary>
public sealed class Membership : Entity, IAudited
{
    public Guid UserId { get; set; }
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public required string RoleCode { get; set; }
    public Role? Role { get; set; }
    public DateTime CreatedAt { get; set; }
}
