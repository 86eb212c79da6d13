using System.Net;
using System.Net.Http.Json;
using Ariane.Core.Audit;
using Ariane.Core.Common;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.IntegrationTests.Infrastructure;
using Ariane.Web.IntegrationTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Children;

/// <summary>
/// Two records found to be the same child are merged (docs/domain.md, Merging two records): the survivor
/// gets every row of the absorbed one, the absorbed record leads to it and shows in no list, and the merge is
/// on record on both. Own app: records disappear from the lists for good.
/// </summary>
public abstract class ChildMergeTests(ArianeApp app)
{
    [Fact]
    public async Task The_CRIP_merges_two_records_of_the_same_child_keeping_every_item()
    {
        var crip = await app.ApiAsync("crip");
        var survivor = await CreateAsync(crip, "Fusionnable", "Océane");
        var absorbed = await CreateAsync(crip, "Fusionable", "Oceane");
        var survivorNumber = await NumberAsync(survivor);
        var absorbedNumber = await NumberAsync(absorbed);
        Assert.Equal(HttpStatusCode.Created, (await crip.PostAsJsonAsync($"/api/v1/children/{absorbed}/linked-persons", new
        {
            person = new { relation = "Mother", lastName = "Mèrefusion", firstNames = "Anne", hasParentalAuthority = true },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await crip.PostAsJsonAsync($"/api/v1/children/{absorbed}/addresses", new
        {
            line = "3 rue des Fusions",
            postalCode = "69002",
            city = "Lyon",
            from = "2024-01-01",
        })).StatusCode);
        // One IP about both records (the duplicate the merge drops), one about the absorbed one only.
        var shared = await ConcernAsync(crip, survivor, absorbed);
        var own = await ConcernAsync(crip, absorbed);

        // Missing reason: a French 400, nothing changes.
        var before = await app.WithDbAsync(db => db.ConcernChildren.CountAsync(c => c.ChildId == absorbed));
        var invalid = await crip.PostAsJsonAsync($"/api/v1/children/{survivor}/merge", new { absorbedChildId = absorbed, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("motif", (await Json.ReadAsync(invalid)).GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.WithDbAsync(db => db.ConcernChildren.CountAsync(c => c.ChildId == absorbed)));
        Assert.Equal(HttpStatusCode.BadRequest, (await crip.PostAsJsonAsync($"/api/v1/children/{survivor}/merge", new { absorbedChildId = survivor, reason = "Même enfant, saisi deux fois" })).StatusCode);

        // Without the permission: refused, nothing changes.
        Assert.True((await (await app.ApiAsync("referent.sud")).PostAsJsonAsync($"/api/v1/children/{survivor}/merge", new { absorbedChildId = absorbed, reason = "Même enfant, saisi deux fois" })).StatusCode
            is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.Null(await app.WithDbAsync(db => db.Children.Where(c => c.Id == absorbed).Select(c => c.MergedIntoId).SingleAsync()));

        var merged = await crip.PostAsJsonAsync($"/api/v1/children/{survivor}/merge", new { absorbedChildId = absorbed, reason = "Même enfant saisi deux fois par la CRIP" });
        var mergedBody = await merged.Content.ReadAsStringAsync();
        Assert.True(merged.StatusCode == HttpStatusCode.OK, mergedBody);
        var result = await Json.ReadAsync(merged);
        // The shared IP, and the CRIP's assignment made at each creation, are on both records: kept once.
        Assert.Equal(2, result.GetProperty("duplicatesDropped").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.ConcernChildren.CountAsync(c => c.ChildId == survivor && c.ConcernId == shared)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ServiceAssignments.CountAsync(a => a.ChildId == survivor && a.ServiceId == app.World.Services["crip"])));

        // The survivor shows the linked person, the address and both IPs, once each.
        var record = await Json.ReadAsync(await crip.GetAsync($"/api/v1/children/{survivor}"));
        Assert.Equal("Fusionnable", record.GetProperty("birthName").GetString());
        Assert.Contains(record.GetProperty("linkedPersons").EnumerateArray(), p => p.GetProperty("lastName").GetString() == "Mèrefusion");
        Assert.Contains(record.GetProperty("addresses").EnumerateArray(), a => a.GetProperty("line").GetString() == "3 rue des Fusions");
        var concerns = (await Json.ReadAsync(await crip.GetAsync($"/api/v1/children/{survivor}/concerns"))).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(new[] { own, shared }.Order(), concerns.Order());

        // The absorbed id leads to the survivor: the API names it, the page redirects with a notice.
        var gone = await crip.GetAsync($"/api/v1/children/{absorbed}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(survivor, (await Json.ReadAsync(gone)).GetProperty("mergedIntoId").GetGuid());
        var web = await app.WebAsync("crip");
        var redirect = await web.GetAsync($"/Children/Details/{absorbed}");
        var page = await PageHtml.FollowAsync(web, redirect, $"/Children/Details/{survivor}");
        Assert.Contains($"Ce dossier a été fusionné dans le dossier N° {survivorNumber}", page, StringComparison.Ordinal);
        // Nothing more is written on it.
        Assert.NotEqual(HttpStatusCode.Created, (await crip.PostAsJsonAsync($"/api/v1/children/{absorbed}/addresses", new { line = "1 rue", postalCode = "69002", city = "Lyon", from = "2024-01-01" })).StatusCode);

        // The absorbed number finds the survivor; the absorbed record is in no search.
        Assert.Equal(survivor, await FindAsync(app, absorbedNumber));

        var search = Json.Ids(await Json.ReadAsync(await crip.GetAsync("/api/v1/children?q=fusionnable")));
        Assert.Contains(survivor, search);
        Assert.DoesNotContain(absorbed, search);
        Assert.DoesNotContain(absorbed, Json.Ids(await Json.ReadAsync(await crip.GetAsync("/api/v1/children?q=fusionable"))));
        Assert.DoesNotContain(absorbed, Json.Ids(await Json.ReadAsync(await crip.GetAsync("/api/v1/children?q=" + Uri.EscapeDataString(absorbedNumber)))));

        // On record, on both children, with the reason; no other row of the absorbed child is left behind.
        var events = await app.WithDbAsync(db => db.AuditRecords.Where(r => r.EventType == AuditEventType.ChildrenMerged && (r.ChildId == survivor || r.ChildId == absorbed))
            .Select(r => new { r.ChildId, r.Reason }).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("Même enfant saisi deux fois par la CRIP", e.Reason));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConcernChildren.CountAsync(c => c.ChildId == absorbed)));
        Assert.Equal(0, await app.WithDbAsync(db => db.LinkedPersons.CountAsync(c => c.ChildId == absorbed)));
        var snapshot = await app.WithDbAsync(db => db.ChildMerges.SingleAsync(m => m.AbsorbedChildId == absorbed));
        Assert.Contains("Fusionable", snapshot.AbsorbedIdentity, StringComparison.Ordinal);

        // Merged once: a second merge of the same record is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await crip.PostAsJsonAsync($"/api/v1/children/{survivor}/merge", new { absorbedChildId = absorbed, reason = "Même enfant saisi deux fois" })).StatusCode);

        var report = await app.VerifyAuditAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Chains.Select(c => c.Problem)));
    }

    [Fact]
    public async Task A_record_of_another_departement_cannot_be_merged()
    {
        var crip = await app.ApiAsync("crip");
        var survivor = await CreateAsync(crip, "Horsdept", "Lina");
        var response = await crip.PostAsJsonAsync($"/api/v1/children/{survivor}/merge", new { absorbedChildId = app.World.ChildCollines, reason = "Même enfant saisi deux fois" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Children.Where(c => c.Id == app.World.ChildCollines).Select(c => c.MergedIntoId).SingleAsync()));
        // Nor the other way round.
        Assert.Equal(HttpStatusCode.NotFound, (await crip.PostAsJsonAsync($"/api/v1/children/{app.World.ChildCollines}/merge", new { absorbedChildId = survivor, reason = "Même enfant saisi deux fois" })).StatusCode);
    }

    [Fact]
    public async Task The_pages_ask_for_confirmation_showing_both_records_then_merge()
    {
        var crip = await app.ApiAsync("crip");
        var survivor = await CreateAsync(crip, "Pagefusion", "Maël");
        var absorbed = await CreateAsync(crip, "Pagefusion", "Mael");
        var absorbedNumber = await NumberAsync(absorbed);
        var web = await app.WebAsync("crip");
        var details = await PageHtml.GetPageAsync(web, $"/Children/Details/{survivor}");
        Assert.Contains("Fusionner avec un autre dossier", details, StringComparison.Ordinal);
        // The référent of a service has no such link.
        Assert.DoesNotContain("Fusionner avec un autre dossier", await PageHtml.GetPageAsync(await app.WebAsync("referent"), $"/Children/Details/{app.World.ChildNord}"), StringComparison.Ordinal);

        var pick = await PageHtml.GetPageAsync(web, $"/Children/Merge/{survivor}?number={Uri.EscapeDataString(absorbedNumber)}");
        Assert.Contains("Mael", pick, StringComparison.Ordinal);
        Assert.Contains("Maël", pick, StringComparison.Ordinal);
        Assert.Contains(absorbedNumber, pick, StringComparison.Ordinal);

        var noReason = await ArianeApp.PostFormAsync(web, $"/Children/Merge/{survivor}?otherId={absorbed}", new() { ["OtherId"] = absorbed.ToString(), ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("motif", await PageHtml.ReadAsync(noReason), StringComparison.OrdinalIgnoreCase);
        Assert.Null(await app.WithDbAsync(db => db.Children.Where(c => c.Id == absorbed).Select(c => c.MergedIntoId).SingleAsync()));

        var posted = await ArianeApp.PostFormAsync(web, $"/Children/Merge/{survivor}?otherId={absorbed}",
            new() { ["OtherId"] = absorbed.ToString(), ["Reason"] = "Même enfant, doublon de saisie" });
        var page = await PageHtml.FollowAsync(web, posted, $"/Children/Details/{survivor}");
        Assert.Contains("fusionné", page, StringComparison.Ordinal);
        Assert.Equal(survivor, await app.WithDbAsync(db => db.Children.Where(c => c.Id == absorbed).Select(c => c.MergedIntoId).SingleAsync()));
    }

    [Fact]
    public void Every_child_data_type_is_re_pointed_by_the_merge()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var repointed = MergeChildren.RepointedTypes(model).Select(t => t.ClrType).ToHashSet();
        // What keeps the absorbed child's id on purpose: the child itself, the merge, and the audit (history); and the
        // morning's due dates, derived rows that the next run replaces (the board never lists a merged record).
        Type[] kept = [typeof(Ariane.Core.Children.Child), typeof(Ariane.Core.Children.ChildMerge), typeof(AuditRecord), typeof(AuditListedChild),
            typeof(Ariane.Core.Reports.FollowUpDeadline)];
        foreach (var type in model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var namesChild = typeof(IChildData).IsAssignableFrom(type.ClrType)
                || type.FindProperty(MergeChildren.ChildIdProperty) is not null
                || type.GetForeignKeys().Any(f => f.PrincipalEntityType.ClrType == typeof(Ariane.Core.Children.Child));
            if (namesChild && !kept.Contains(type.ClrType))
            {
                Assert.True(repointed.Contains(type.ClrType), $"{type.ClrType.Name} names a child but the merge does not re-point it (MergeChildren.RepointedTypes)");
                Assert.True(type.FindProperty(MergeChildren.ChildIdProperty) is { } p && !p.IsShadowProperty(),
                    $"{type.ClrType.Name}: the merge re-points the mapped property « ChildId »");
                // A filtered unique index on the child cannot be checked generically: the merge checks it first (pending transfers).
                Assert.All(type.GetIndexes().Where(i => i.IsUnique && i.GetFilter() is not null && i.Properties.Any(x => x.Name == MergeChildren.ChildIdProperty)),
                    i => Assert.Equal(typeof(Ariane.Core.Children.DepartementTransfer), type.ClrType));
            }
        }
    }

    private static async Task<Guid> FindAsync(ArianeApp app, string number)
    {
        // FindChildByNumber among all records (the break-the-glass form): the absorbed number leads to the survivor.
        using var scope = app.Services.CreateScope();
        var find = scope.ServiceProvider.GetRequiredService<FindChildByNumber>();
        var found = await find.AnyAsync(number, CancellationToken.None);
        Assert.True(found.Readable);
        return found.ChildId!.Value;
    }

    private Task<string> NumberAsync(Guid child) => app.WithDbAsync(db => db.Children.Where(c => c.Id == child).Select(c => c.DossierNumber).SingleAsync());

    private static async Task<Guid> CreateAsync(HttpClient client, string birthName, string firstNames)
    {
        var response = await client.PostAsJsonAsync("/api/v1/children", new
        {
            child = new { birthName, firstNames, birthDate = "14/05/2016", sex = "Female" },
            confirmNotDuplicate = true,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return (await Json.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> ConcernAsync(HttpClient crip, params Guid[] childIds)
    {
        var response = await crip.PostAsJsonAsync("/api/v1/concerns", new
        {
            channel = "Phone",
            transmitterCode = 541,
            originCode = 31,
            narrative = "L'école signale des absences répétées et un enfant fatigué.",
            childIds,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return (await Json.ReadAsync(response)).GetProperty("recorded").GetProperty("id").GetGuid();
    }
}

public sealed class ChildMergeTests_Sqlite(SqliteApp app) : ChildMergeTests(app), IClassFixture<SqliteApp>;

public sealed class ChildMergeTests_Postgres(PostgresApp app) : ChildMergeTests(app), IClassFixture<PostgresApp>;
