using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Features.Demo;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Children;

/// <summary>The child record: identity, linked persons, addresses, assignments, search and duplicates.</summary>
public sealed class ChildrenModule : IArianeModule
{
    public int Order => 100;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<SearchChildren>();
        services.AddScoped<ChildListColumns>();
        services.AddScoped<RecentChildren>();
        services.AddScoped<FindChildByNumber>();
        services.AddScoped<GetChild>();
        services.AddScoped<FindDuplicates>();
        services.AddScoped<CreateChild>();
        services.AddScoped<UpdateChild>();
        services.AddScoped<SaveLinkedPerson>();
        services.AddScoped<RemoveLinkedPerson>();
        services.AddScoped<AddAddress>();
        services.AddScoped<RemoveAddress>();
        services.AddScoped<ManageAssignments>();
        services.AddScoped<ListAssignableTargets>();
        services.AddScoped<MergeChildren>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapChildrenApi();

    public IEnumerable<NavigationEntry> Navigation =>
    [
        // Whoever reaches some children (a scope other than "none") searches them and manages delegations.
        new(100, "Enfants", "/Children", s => s.Grants.Any(g => g.Role.Scope != AccessScope.None)),
        NavigationEntry.For(120, "Nouvel enfant", "/Children/Create", Permission.CreateChild),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Dossier de l'enfant", 1000, 1099, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.ChildViewed] = "Dossier consulté",
            [AuditEventType.ChildSearched] = "Recherche d'enfants",
            [AuditEventType.ChildCreated] = "Dossier créé",
            [AuditEventType.ChildUpdated] = "Identité modifiée",
            [AuditEventType.ChildDeleted] = "Dossier supprimé",
            [AuditEventType.LinkedPersonAdded] = "Personne liée ajoutée",
            [AuditEventType.LinkedPersonUpdated] = "Personne liée modifiée",
            [AuditEventType.LinkedPersonRemoved] = "Personne liée retirée",
            [AuditEventType.LinkedPersonsViewed] = "Personnes liées consultées",
            [AuditEventType.AddressAdded] = "Adresse ajoutée",
            [AuditEventType.AddressUpdated] = "Adresse modifiée",
            [AuditEventType.AddressRemoved] = "Adresse retirée",
            [AuditEventType.AssignmentAdded] = "Affectation ajoutée",
            [AuditEventType.AssignmentUpdated] = "Affectation modifiée",
            [AuditEventType.AssignmentRemoved] = "Affectation retirée",
            [AuditEventType.AssignmentsViewed] = "Affectations consultées",
            [AuditEventType.DuplicateCheckPerformed] = "Recherche de doublons",
        }),
    ];

    public IEnumerable<DemoSeedStep> DemoSeedSteps =>
        [new(200, "enfants", DemoChildrenStep.RunAsync), new(210, "enfants des Collines", DemoCollinesStep.RunAsync)];
}
