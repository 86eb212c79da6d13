using System.Globalization;
using System.Text.Json;
using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Persistence;
using Ariane.Web.Features.Demo;

namespace Ariane.Bench.Generator;

/// <summary>
/// Children in families of one to three siblings, with their parents (and sometimes a trusted third
/// party), their addresses, their ASE territory and référent, and for some a MECS — a few in the next
/// département's MECS, so that tenancy has children seen across départements. Every id is a version-7
/// GUID of the item's creation time, as the app's would be. The audit rows of each creation are recorded,
/// and the reads of the record over the follow-up (ReadsPerYear).
/// </summary>
internal sealed class ChildrenPart(DatasetScale scale, IReadOnlyDictionary<string, DepartementStructure> departements) : IDatasetPart
{
    public string Name => "children";

    public async Task WriteAsync(DepartementBatch batch, BulkLoader loader, CancellationToken cancellationToken)
    {
        var d = batch.Departement;
        var random = batch.Random;
        var followUps = new List<FollowUp>(d.Children);
        while (followUps.Count < d.Children)
        {
            var current = followUps.Count < d.Current;
            AddFamily(batch, followUps, current, Math.Min(random.NextDouble() switch { < 0.5 => 1, < 0.8 => 2, _ => 3 }, d.Children - followUps.Count));
        }

        // Dossier numbers in the order records were opened, per year, as the app's counter gives them.
        var counters = new Dictionary<int, int>();
        foreach (var followUp in followUps.OrderBy(f => f.Start))
        {
            var year = DossierNumbers.YearOf(followUp.Start);
            counters[year] = counters.GetValueOrDefault(year) + 1;
            followUp.Child.DossierNumber = DossierNumbers.Format(d.Code, year, counters[year]);
        }

        batch.FollowUps.AddRange(followUps);
        var children = followUps.Select(f => f.Child).ToList();
        await loader.CopyAsync(children, cancellationToken);
        await loader.CopyAsync(children.SelectMany(c => c.LinkedPersons), cancellationToken);
        await loader.CopyAsync(children.SelectMany(c => c.Addresses), cancellationToken);
        await loader.CopyAsync(children.SelectMany(c => c.ServiceAssignments), cancellationToken);
        await loader.CopyAsync(children.SelectMany(c => c.WorkerAssignments), cancellationToken);
        await loader.CopyAsync(counters.Select(c => new DossierCounter { DepartementCode = d.Code, Year = c.Key, LastNumber = c.Value }), cancellationToken);
        foreach (var followUp in followUps)
        {
            RecordHistory(batch, followUp);
        }
    }

    private void AddFamily(DepartementBatch batch, List<FollowUp> followUps, bool current, int size)
    {
        var random = batch.Random;
        var today = batch.Today;
        var d = batch.Departement;
        // Opened within the last six years when followed today, within the ten years otherwise.
        var openedDaysAgo = current ? (int)(Math.Pow(random.NextDouble(), 1.6) * 6 * 365) : random.Next(60, scale.Years * 365);
        var opened = today.AddDays(-openedDaysAgo);
        var start = opened.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddMinutes(random.Next(0, 600));
        DateOnly? end = current ? null : Min(today.AddDays(-30), opened.AddDays(random.Next(180, 4 * 365)));
        if (end is { } e && e <= opened)
        {
            end = opened.AddDays(1);
        }

        var lastName = Pick(random, DemoNames.LastNames);
        var motherName = random.NextDouble() < 0.25 ? lastName : Pick(random, DemoNames.LastNames);
        var hasFather = random.NextDouble() < 0.88;
        var territory = d.Territories[random.Next(d.Territories.Count)];
        var referent = territory.Referents[random.Next(territory.Referents.Count)];
        var city = Pick(random, DemoNames.Cities);
        var postalCode = d.Code.Length == 3 ? d.Code + city.PostalCode[3..] : d.Code + city.PostalCode[2..];
        var line = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 140)} {Pick(random, DemoNames.Streets)}");
        // At opening, the eldest is 0 to 17, and the youngest at most 20 today when followed today.
        var eldestAge = random.Next(0, 18);
        var born = opened.AddYears(-eldestAge).AddDays(-random.Next(0, 365));
        if (current && born < today.AddYears(-20))
        {
            born = today.AddYears(-20).AddDays(random.Next(1, 365));
        }

        var motherBorn = born.AddYears(-random.Next(18, 38));
        var fatherBorn = born.AddYears(-random.Next(20, 46));
        var motherFirst = Pick(random, DemoNames.WomanFirstNames);
        var fatherFirst = Pick(random, DemoNames.ManFirstNames);
        var mecs = random.NextDouble() < (current ? 0.45 : 0.35) ? PickMecs(random, d) : null;
        for (var i = 0; i < size; i++)
        {
            var childBorn = i == 0 ? born : Min(opened, born.AddDays(random.Next(300, 1200) * i));
            var sex = random.NextDouble() < 0.51 ? Sex.Male : Sex.Female;
            var child = new Child
            {
                Id = Guid.CreateVersion7(start),
                BirthName = hasFather ? lastName : motherName,
                FirstNames = Pick(random, sex == Sex.Male ? DemoNames.BoyFirstNames : DemoNames.GirlFirstNames)
                    + (random.NextDouble() < 0.3 ? " " + Pick(random, sex == Sex.Male ? DemoNames.ManFirstNames : DemoNames.WomanFirstNames) : string.Empty),
                Sex = sex,
                BirthDate = random.NextDouble() < 0.03 ? new PartialDate(childBorn.Year, null, null) : new PartialDate(childBorn.Year, childBorn.Month, childBorn.Day),
                BirthPlace = city.Name,
                Nationality = "Française",
                ResponsibleDepartementCode = d.Code,
                CreatedAt = start,
                UpdatedAt = start,
            };
            child.RefreshSearchKey();
            var mother = Person(child, start, PersonRelation.Mother, motherName, motherFirst, motherBorn, line, postalCode, city.Name);
            child.LinkedPersons.Add(mother);
            if (hasFather)
            {
                child.LinkedPersons.Add(Person(child, start, PersonRelation.Father, lastName, fatherFirst, fatherBorn, line, postalCode, city.Name));
            }

            if (random.NextDouble() < 0.1)
            {
                child.LinkedPersons.Add(Person(child, start, PersonRelation.TrustedThirdParty, Pick(random, DemoNames.LastNames), Pick(random, DemoNames.WomanFirstNames), motherBorn.AddYears(-random.Next(0, 25)), null, null, null));
            }

            if (random.NextDouble() < 0.25)
            {
                child.Addresses.Add(new ChildAddress
                {
                    Id = Guid.CreateVersion7(start),
                    ChildId = child.Id,
                    Line = Pick(random, DemoNames.Streets),
                    PostalCode = postalCode,
                    City = Pick(random, DemoNames.Cities).Name,
                    From = childBorn,
                    To = opened.AddDays(-1) < childBorn ? childBorn : opened.AddDays(-1),
                });
            }

            child.Addresses.Add(new ChildAddress { Id = Guid.CreateVersion7(start), ChildId = child.Id, Line = line, PostalCode = postalCode, City = city.Name, From = Max(opened, childBorn) });
            child.ServiceAssignments.Add(new ServiceAssignment { Id = Guid.CreateVersion7(start), ChildId = child.Id, ServiceId = territory.Service.Id, StartsOn = opened, EndsOn = end });
            child.WorkerAssignments.Add(new WorkerAssignment { Id = Guid.CreateVersion7(start), ChildId = child.Id, UserId = referent.User.Id, Role = WorkerRole.CaseWorker, StartsOn = opened, EndsOn = end });
            DateOnly? placedOn = null;
            if (mecs is not null)
            {
                placedOn = Min(end ?? today, opened.AddDays(random.Next(0, 90)));
                child.ServiceAssignments.Add(new ServiceAssignment
                {
                    Id = Guid.CreateVersion7(placedOn.Value.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)),
                    ChildId = child.Id,
                    ServiceId = mecs.Service.Id,
                    StartsOn = placedOn.Value,
                    EndsOn = end,
                });
            }

            followUps.Add(new FollowUp(child, start, end, territory, referent, mecs, placedOn));
        }
    }

    /// <summary>A MECS of the département, or (one time in sixteen) of the next département in the list.</summary>
    private Mecs PickMecs(Random random, DepartementStructure d)
    {
        var from = d;
        if (random.NextDouble() < 1 / 16.0 && departements.Count > 1)
        {
            var codes = departements.Keys.Order(StringComparer.Ordinal).ToList();
            from = departements[codes[(codes.IndexOf(d.Code) + 1) % codes.Count]];
        }

        return from.Mecs[random.Next(from.Mecs.Count)];
    }

    private static LinkedPerson Person(Child child, DateTime at, PersonRelation relation, string lastName, string firstNames, DateOnly born, string? line, string? postalCode, string? city) => new()
    {
        Id = Guid.CreateVersion7(at),
        ChildId = child.Id,
        Relation = relation,
        LastName = lastName,
        FirstNames = firstNames,
        BirthDate = new PartialDate(born.Year, born.Month, born.Day),
        HasParentalAuthority = relation is PersonRelation.Mother or PersonRelation.Father,
        AddressLine = line,
        PostalCode = postalCode,
        City = city,
    };

    /// <summary>
    /// The rows the app writes when the CRIP opens the record (creation of each item, after a duplicate
    /// check listing the candidates), then the reads of the record by its référent, and by the MECS's
    /// educators while placed, about <see cref="DatasetScale.ReadsPerYear"/> a year each.
    /// </summary>
    private void RecordHistory(DepartementBatch batch, FollowUp followUp)
    {
        var random = batch.Random;
        var d = batch.Departement;
        var child = followUp.Child;
        var check = batch.Record(AuditEventType.DuplicateCheckPerformed, followUp.Start.AddSeconds(-40), d.CripAgent);
        check.Section = Section.Identity;
        check.ListedChildren.Add(new AuditListedChild { ChildId = child.Id });
        var created = batch.Record(AuditEventType.ChildCreated, followUp.Start, d.CripAgent, child.Id);
        created.Section = Section.Identity;
        created.EntityType = nameof(Child);
        created.EntityId = child.Id;
        created.Details = JsonSerializer.Serialize(new Dictionary<string, object?[]>
        {
            ["BirthName"] = [null, child.BirthName],
            ["FirstNames"] = [null, child.FirstNames],
            ["Sex"] = [null, (int)child.Sex],
            ["DossierNumber"] = [null, child.DossierNumber],
            ["ResponsibleDepartementCode"] = [null, child.ResponsibleDepartementCode],
        });
        foreach (var (type, entity, id) in child.LinkedPersons.Select(p => (AuditEventType.LinkedPersonAdded, nameof(LinkedPerson), p.Id))
            .Concat(child.Addresses.Select(a => (AuditEventType.AddressAdded, nameof(ChildAddress), a.Id)))
            .Concat(child.ServiceAssignments.Select(a => (AuditEventType.AssignmentAdded, nameof(ServiceAssignment), a.Id)))
            .Concat(child.WorkerAssignments.Select(a => (AuditEventType.AssignmentAdded, nameof(WorkerAssignment), a.Id))))
        {
            var row = batch.Record(type, followUp.Start.AddSeconds(random.Next(5, 300)), d.CripAgent, child.Id);
            row.Section = Section.Identity;
            row.EntityType = entity;
            row.EntityId = id;
        }

        var until = (followUp.End ?? batch.Today).ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);
        AddReads(batch, child.Id, followUp.Start, until, followUp.Referent, AccessBasis.ServiceAssignment);
        if (followUp is { Mecs: { } mecs, PlacedOn: { } placedOn })
        {
            AddReads(batch, child.Id, placedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), until, mecs.Educators[random.Next(mecs.Educators.Count)], AccessBasis.ServiceAssignment);
        }
    }

    private void AddReads(DepartementBatch batch, Guid childId, DateTime from, DateTime until, GeneratedUser reader, AccessBasis basis)
    {
        var random = batch.Random;
        var meanGapDays = 365.0 / scale.ReadsPerYear;
        for (var at = from.AddDays(-Math.Log(1 - random.NextDouble()) * meanGapDays); at < until; at = at.AddDays(-Math.Log(1 - random.NextDouble()) * meanGapDays))
        {
            var read = batch.Record(AuditEventType.ChildViewed, at, reader, childId);
            read.Section = Section.Identity;
            read.AccessBasis = basis;
            read.EntityType = nameof(Child);
            read.EntityId = childId;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
