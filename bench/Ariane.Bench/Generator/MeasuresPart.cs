using System.Globalization;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Core.Measures;
using Ariane.Core.Placements;
using Npgsql;

namespace Ariane.Bench.Generator;

/// <summary>
/// Measures, stays and places (docs/domain.md, Measures and Places). Every MECS of the structure is a facility
/// with a permanent and an emergency line, every département has a foyer de l'enfance and foster carers
/// (one for about 25 children, 1 to 4 places each: some 40,000 nationally, as in France); they are written first (<see cref="WriteFacilitiesAsync"/>)
/// because a child may be placed in the next département's MECS. Each child placed in a MECS has a
/// judicial placement or an accueil provisoire, renewed as its length requires, and its stay (one in five
/// after an emergency stay at the foyer); half of the others an AEMO or an AED; a few measures wait to be
/// carried out; a few placement requests are open. Occupied and available places are counted in SQL at the
/// end (<see cref="RecountAsync"/>), as the app's CapacityCounter would have left them.
/// </summary>
internal sealed class MeasuresPart : IDatasetPart
{
    private readonly Dictionary<Guid, (Facility Facility, FacilityCapacity Permanent, FacilityCapacity Emergency)> mecsFacilities = [];
    private readonly Dictionary<string, (Facility Facility, FacilityCapacity Permanent, FacilityCapacity Emergency)> foyers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Facility Facility, FacilityCapacity Line)>> fosterCarers = new(StringComparer.Ordinal);

    public string Name => "measures";

    /// <summary>The directory of places of every département, before any child is placed.</summary>
    public async Task WriteFacilitiesAsync(IReadOnlyList<DepartementStructure> departements, DateTime now, Random random, BulkLoader loader, CancellationToken cancellationToken)
    {
        var facilities = new List<Facility>();
        var lines = new List<FacilityCapacity>();
        foreach (var d in departements)
        {
            foreach (var mecs in d.Mecs)
            {
                var f = NewFacility(mecs.Service.Name, d.Code, PlaceKind.Establishment, mecs.Service.Id, 177, random);
                var permanent = Line(f, CareType.Permanent, 6, 18, random.Next(0, 4), now, random);
                var emergency = Line(f, CareType.Emergency, 6, 18, random.Next(0, 3), now, random);
                facilities.Add(f);
                lines.AddRange([permanent, emergency]);
                mecsFacilities[mecs.Service.Id] = (f, permanent, emergency);
            }

            var foyer = NewFacility(Invariant($"Foyer de l'enfance {d.Code}"), d.Code, PlaceKind.Establishment, null, 175, random);
            var foyerPermanent = Line(foyer, CareType.Permanent, 12, 17, 20, now, random);
            var foyerEmergency = Line(foyer, CareType.Emergency, 3, 17, 10, now, random);
            facilities.Add(foyer);
            lines.AddRange([foyerPermanent, foyerEmergency]);
            foyers[d.Code] = (foyer, foyerPermanent, foyerEmergency);

            var carers = new List<(Facility, FacilityCapacity)>();
            for (var i = 0; i < Math.Max(2, d.Children / 25); i++)
            {
                var carer = NewFacility(Invariant($"Assistant familial {d.Code}-{i + 1}"), d.Code, PlaceKind.FosterCarer, null, null, random);
                carer.AgreementNumber = Invariant($"AGR-{d.Code}-{i + 1:00000}");
                var line = Line(carer, CareType.Permanent, 0, 17, random.Next(1, 5), now, random);
                facilities.Add(carer);
                lines.Add(line);
                carers.Add((carer, line));
            }

            fosterCarers[d.Code] = carers;
        }

        await loader.CopyAsync(facilities, cancellationToken);
        await loader.CopyAsync(lines, cancellationToken);
    }

    public async Task WriteAsync(DepartementBatch batch, BulkLoader loader, CancellationToken cancellationToken)
    {
        var d = batch.Departement;
        var random = batch.Random;
        var measures = new List<Measure>();
        var decisions = new List<MeasureDecision>();
        var stays = new List<Placement>();
        var requests = new List<PlacementRequest>();
        var targets = new List<PlacementRequestTarget>();
        var rights = new List<ContactRight>();
        var protections = new List<ChildProtection>();
        var carers = fosterCarers[d.Code];
        var foyer = foyers[d.Code];
        foreach (var f in batch.FollowUps)
        {
            var start = DateOnly.FromDateTime(f.Start);
            var birth = f.Child.BirthDate is { Year: { } y, Month: { } m, Day: { } day } ? new DateOnly(y, m, day) : (DateOnly?)null;
            if (f is { Mecs: { } mecs, PlacedOn: { } placedOn })
            {
                var judicial = random.Next(10) < 6;
                var emergencyFirst = random.Next(5) == 0 && placedOn > start.AddDays(20);
                var measureStart = emergencyFirst ? placedOn.AddDays(-random.Next(10, 20)) : placedOn;
                var measure = NewMeasure(batch, f, judicial ? "placement_ase" : "accueil_provisoire", f.Territory.Service.Id, measureStart, f.End, decisions);
                measures.Add(measure);
                if (emergencyFirst)
                {
                    stays.Add(Stay(batch, f, measure, PlaceKind.Establishment, CareType.Emergency, foyer.Facility, foyer.Emergency, measureStart, placedOn.AddDays(-1)));
                }

                var (facility, permanent, _) = mecsFacilities[mecs.Service.Id];
                stays.Add(Stay(batch, f, measure, PlaceKind.Establishment, CareType.Permanent, facility, permanent, placedOn, f.End));
                ContactRights(batch, f, measure, rights, protections);
            }
            else if (birth is { } b && b > batch.Today.AddYears(-12) && random.Next(12) == 0)
            {
                // A foster family for young children.
                var measure = NewMeasure(batch, f, "placement_ase", f.Territory.Service.Id, start.AddDays(random.Next(0, 60)), f.End, decisions);
                measures.Add(measure);
                var (carer, line) = carers[random.Next(carers.Count)];
                stays.Add(Stay(batch, f, measure, PlaceKind.FosterCarer, CareType.Permanent, carer, line, measure.StartsOn!.Value, f.End));
                ContactRights(batch, f, measure, rights, protections);
            }
            else if (random.Next(2) == 0)
            {
                var measureStart = start.AddDays(random.Next(5, 90));
                if (f.End is { } end && measureStart > end)
                {
                    continue;
                }

                var waiting = f.End is null && random.Next(40) == 0;
                var measure = NewMeasure(batch, f, random.Next(2) == 0 ? "aemo" : "aed", f.Territory.Service.Id, waiting ? batch.Today : measureStart, f.End, decisions);
                if (waiting)
                {
                    measure.State = MeasureState.Decided;
                    measure.StartsOn = null;
                    measure.DecidedOn = batch.Today.AddDays(-random.Next(5, 150));
                }

                measures.Add(measure);
            }
        }

        // A few requests for a place, open or answered, from the first territory.
        var someone = d.Territories[0].Referents[0];
        foreach (var f in batch.FollowUps.Where(f => f.End is null && f.Mecs is null).Take(Math.Max(1, d.Current / 1000)))
        {
            var request = new PlacementRequest
            {
                ChildId = f.Child.Id,
                DepartementCode = d.Code,
                RequestedByServiceId = f.Territory.Service.Id,
                RequestedByUserId = someone.User.Id,
                RequestedByName = someone.User.DisplayName,
                CareType = CareType.Emergency,
                WantedFrom = batch.Today.AddDays(random.Next(0, 10)),
                ChildAgeYears = 10,
                ChildSex = f.Child.Sex,
                Needs = "Accueil d'urgence ; besoin d'un cadre contenant.",
                CreatedAt = batch.Today.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
                UpdatedAt = batch.Today.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            };
            requests.Add(request);
            targets.Add(new PlacementRequestTarget
            {
                RequestId = request.Id,
                ChildId = f.Child.Id,
                FacilityId = foyer.Facility.Id,
                Status = PlacementRequestStatus.Sent,
                UpdatedAt = request.CreatedAt,
                UpdatedByName = someone.User.DisplayName,
            });
            batch.Record(AuditEventType.PlacementRequestSent, request.CreatedAt, someone, f.Child.Id).EntityId = request.Id;
        }

        await loader.CopyAsync(measures, cancellationToken);
        await loader.CopyAsync(decisions, cancellationToken);
        await loader.CopyAsync(stays, cancellationToken);
        await loader.CopyAsync(requests, cancellationToken);
        await loader.CopyAsync(targets, cancellationToken);
        await loader.CopyAsync(rights, cancellationToken);
        await loader.CopyAsync(protections, cancellationToken);
    }

    /// <summary>
    /// The rights of visit the placement decided for each parent, as the « Qui peut voir ou appeler cet enfant » card
    /// holds them: mostly free or supervised, some suspended; a father's contact forbidden makes about one placed child
    /// in a hundred protected (the flag is set on the child by <see cref="RecountAsync"/>, the children being written first).
    /// </summary>
    private static void ContactRights(DepartementBatch batch, FollowUp f, Measure measure, List<ContactRight> rights, List<ChildProtection> protections)
    {
        var random = batch.Random;
        var from = measure.StartsOn ?? measure.DecidedOn;
        foreach (var parent in f.Child.LinkedPersons.Where(p => p.Relation is PersonRelation.Mother or PersonRelation.Father))
        {
            var roll = random.Next(100);
            var kind = roll switch
            {
                < 55 => ContactRightKind.Free,
                < 85 => ContactRightKind.Supervised,
                < 95 => ContactRightKind.Suspended,
                _ => parent.Relation == PersonRelation.Father ? ContactRightKind.Forbidden : ContactRightKind.Supervised,
            };
            var judicial = measure.Framework == MeasureFramework.Judicial;
            rights.Add(new ContactRight
            {
                ChildId = f.Child.Id,
                LinkedPersonId = parent.Id,
                Kind = kind,
                MeasureId = measure.Id,
                Source = judicial ? Invariant($"Jugement du {measure.DecidedOn:dd/MM/yyyy}") : "Accord avec la famille",
                StartsOn = from,
                EndsOn = f.End,
                Terms = kind == ContactRightKind.Supervised ? "Une visite médiatisée par quinzaine, au service, 14 h–16 h." : null,
                RecordedByUserId = f.Referent.User.Id,
                RecordedByName = f.Referent.User.DisplayName,
            });
            batch.Record(AuditEventType.ContactRightRecorded, from.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), f.Referent, f.Child.Id);
            if (kind == ContactRightKind.Forbidden && f.End is null && random.Next(2) == 0)
            {
                protections.Add(new ChildProtection
                {
                    ChildId = f.Child.Id,
                    Reason = "Le père recherche l'enfant ; interdiction de contact.",
                    SetAt = from.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
                    SetByUserId = f.Referent.User.Id,
                    SetByName = f.Referent.User.DisplayName,
                });
                batch.Record(AuditEventType.ChildProtectionSet, from.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc), f.Referent, f.Child.Id);
            }
        }
    }

    /// <summary>Occupied and available places from the stays written, as the handlers would have left them; the protected flag of the children.</summary>
    public static async Task RecountAsync(NpgsqlConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            UPDATE "FacilityCapacities" c SET "Occupied" = o.n, "Installed" = c."Installed" + o.n
            FROM (SELECT "CapacityId", count(*)::int AS n FROM "Placements"
                  WHERE "CapacityId" IS NOT NULL AND "StartsOn" <= DATE '{today:yyyy-MM-dd}' AND ("EndsOn" IS NULL OR "EndsOn" > DATE '{today:yyyy-MM-dd}')
                  GROUP BY "CapacityId") o
            WHERE o."CapacityId" = c."Id";
            UPDATE "FacilityCapacities" SET "Available" = greatest(0, "Installed" + "Supplementary" - "Closed" - "Reserved" - "Occupied" - "Held");
            UPDATE "Children" c SET "IsProtected" = true FROM "ChildProtections" p WHERE p."ChildId" = c."Id" AND p."LiftedAt" IS NULL;
            """);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Measure NewMeasure(DepartementBatch batch, FollowUp f, string kindCode, Guid serviceId, DateOnly start, DateOnly? end, List<MeasureDecision> decisions)
    {
        var kind = MeasureKinds.Find(kindCode)!;
        var months = kind.MaxMonths ?? 12;
        var measure = new Measure
        {
            ChildId = f.Child.Id,
            DepartementCode = batch.Departement.Code,
            KindCode = kind.Code,
            Framework = kind.Framework,
            LegalBasis = kind.LegalBasis,
            Authority = kind.Framework == MeasureFramework.Judicial ? DecidingAuthority.JuvenileJudge : DecidingAuthority.DepartementPresident,
            DecidedOn = start.AddDays(-batch.Random.Next(0, 5)),
            StartsOn = start,
            CarriedOutByServiceId = serviceId,
            ReferentUserId = f.Referent.User.Id,
            State = end is null ? MeasureState.InProgress : MeasureState.Ended,
            ParentalAgreementOn = kind.Framework == MeasureFramework.Administrative ? start : null,
            RecordedByUserId = f.Referent.User.Id,
            RecordedByName = f.Referent.User.DisplayName,
            CreatedAt = start.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            UpdatedAt = start.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        };
        var from = start;
        var stop = end ?? batch.Today;
        var decisionKind = MeasureDecisionKind.Initial;
        while (true)
        {
            var until = from.AddMonths(months).AddDays(-1);
            if (kind.Framework == MeasureFramework.Judicial)
            {
                decisions.Add(new MeasureDecision
                {
                    MeasureId = measure.Id,
                    ChildId = f.Child.Id,
                    Kind = decisionKind,
                    DecidedOn = decisionKind == MeasureDecisionKind.Initial ? measure.DecidedOn : from.AddDays(-7),
                    CoversFrom = from,
                    CoversUntil = until,
                    Court = Invariant($"Tribunal judiciaire ({batch.Departement.Code})"),
                    JudgeName = "Juge des enfants",
                    Reference = Invariant($"JE {batch.Departement.Code}/{from.Year}/{batch.Random.Next(1, 9999):0000}"),
                    RecordedByUserId = f.Referent.User.Id,
                    RecordedByName = f.Referent.User.DisplayName,
                    RecordedAt = from.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                });
            }

            measure.PlannedEndOn = until;
            if (until >= stop)
            {
                break;
            }

            from = until.AddDays(1);
            decisionKind = MeasureDecisionKind.Renewal;
        }

        if (end is { } e)
        {
            measure.EndedOn = e;
            measure.EndReason = e >= measure.PlannedEndOn ? MeasureEndReason.Term : MeasureEndReason.Lifted;
            measure.LiftReason = measure.EndReason == MeasureEndReason.Lifted ? MeasureLiftReason.NoDanger : null;
        }

        batch.Record(AuditEventType.MeasureOpened, measure.CreatedAt, f.Referent, f.Child.Id).EntityId = measure.Id;
        return measure;
    }

    private static Placement Stay(
        DepartementBatch batch, FollowUp f, Measure measure, PlaceKind kind, CareType care, Facility facility, FacilityCapacity line, DateOnly start, DateOnly? end)
    {
        var stay = new Placement
        {
            ChildId = f.Child.Id,
            MeasureId = measure.Id,
            PlaceKind = kind,
            CareType = care,
            FacilityId = facility.Id,
            CapacityId = line.Id,
            StartsOn = start,
            EndsOn = end,
            Reason = care == CareType.Emergency ? "Accueil en urgence." : "Accueil décidé avec la mesure.",
            RecordedByUserId = f.Referent.User.Id,
            RecordedByName = f.Referent.User.DisplayName,
            CreatedAt = start.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
            UpdatedAt = start.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
        };
        batch.Record(AuditEventType.PlacementOpened, stay.CreatedAt, f.Referent, f.Child.Id).EntityId = stay.Id;
        return stay;
    }

    private static Facility NewFacility(string name, string dept, PlaceKind kind, Guid? serviceId, int? category, Random random) => new()
    {
        Name = name,
        DepartementCode = dept,
        PlaceKind = kind,
        ServiceId = serviceId,
        FinessCategory = category,
        PostalCode = dept.Length == 3 ? Invariant($"{dept}{random.Next(0, 99):00}") : Invariant($"{dept}{random.Next(0, 999):000}"),
        City = Invariant($"Commune {dept}-{random.Next(1, 200)}"),
        ContactName = "Permanence",
        ContactPhone = Invariant($"01 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}"),
    };

    private static FacilityCapacity Line(Facility facility, CareType care, int ageMin, int ageMax, int spare, DateTime now, Random random) => new()
    {
        FacilityId = facility.Id,
        DepartementCode = facility.DepartementCode,
        CareType = care,
        AgeMinYears = ageMin,
        AgeMaxYears = ageMax,
        Installed = spare,
        Published = true,
        UpdatedAt = now.AddHours(-random.Next(1, 24 * 10)),
        UpdatedByName = "Permanence",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
