using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.Features.Transfers;

/// <summary>
/// Transfers of a child's record between départements (docs/decisions/0007-tenancy.md, Transfers):
/// propose, accept or refuse, withdraw, and the board where both sides see them.
/// </summary>
public sealed class TransfersModule : IArianeModule
{
    public int Order => 150;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProposeTransfer>();
        services.AddScoped<DecideTransfer>();
        services.AddScoped<ListTransfers>();
        services.AddScoped<ChildTransfers>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/transfers", async (ListTransfers handler, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(TypedResults.Ok))
            .WithTags("Transferts").WithName("ListTransfers")
            .WithSummary("Transferts entre départements : à décider, proposés, décidés depuis 30 jours")
            .Produces<TransferBoard>()
            .WithMetadata(new AuditedChildDataAttribute(Section.Social));

        api.MapPost("/children/{childId:guid}/transfers", async (Guid childId, ProposeTransferRequest request, ProposeTransfer handler, CancellationToken ct) =>
                (await handler.HandleAsync(childId, request, ct)).ToHttp(t => TypedResults.Created($"/api/v1/transfers/{t.Id}", t)))
            .WithTags("Transferts").WithName("ProposeTransfer")
            .WithSummary("Proposer le transfert de l'enfant à un autre département (référent ou cadre du département responsable)")
            .WithMetadata(new AuditedChildDataAttribute(Section.Social) { Writes = true });

        api.MapPost("/transfers/{transferId:guid}/decision", async (Guid transferId, DecideTransferRequest request, DecideTransfer handler, CancellationToken ct) =>
                (await handler.HandleAsync(transferId, request, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Transferts").WithName("DecideTransfer")
            .WithSummary("Accepter ou refuser un transfert (cadre ou CRIP du département sollicité), ou le retirer (département qui l'a proposé) ; version requise")
            .WithMetadata(new AuditedChildDataAttribute(Section.Identity) { Writes = true });
    }

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(140, "Transferts", "/Transfers", s => s.Has(Permission.DecideTransfer) || s.Has(Permission.ProposeTransfer)),
    ];

    public IEnumerable<AuditEventBlock> AuditBlocks =>
    [
        new("Transferts entre départements", 1800, 1899, new Dictionary<AuditEventType, string>
        {
            [AuditEventType.TransferProposed] = "Transfert proposé",
            [AuditEventType.TransferAccepted] = "Transfert accepté",
            [AuditEventType.TransferRefused] = "Transfert refusé",
            [AuditEventType.TransferCancelled] = "Transfert retiré",
            [AuditEventType.TransfersViewed] = "Consultation des transferts",
        }),
    ];
}
