namespace Ariane.Core.Access;

/// <summary>
/// A role and what it may do: data, stored in the database and seeded from <see cref="RoleCatalogue"/>,
/// so that rights are read in one table rather than in scattered conditions.
/// </summary>
public sealed class Role : Common.IAudited
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public AccessScope Scope { get; set; }
    public Permission Permissions { get; set; }
    public AccessLevel IdentityAccess { get; set; }
    public AccessLevel SocialAccess { get; set; }
    public AccessLevel HealthAccess { get; set; }
    public AccessLevel JudicialAccess { get; set; }
    public AccessLevel ConcernAuthorAccess { get; set; }

    public AccessLevel LevelFor(Section section) => section switch
    {
        Section.Identity => IdentityAccess,
        Section.Social => SocialAccess,
        Section.Health => HealthAccess,
        Section.Judicial => JudicialAccess,
        Section.ConcernAuthor => ConcernAuthorAccess,
        _ => AccessLevel.None,
    };

    public bool Has(Permission permission) => (Permissions & permission) == permission;
}
