using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Core.Measures;
using Ariane.Core.Placements;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// Measures, stays and places of the demo (docs/domain.md, Measures and Places), drawn from the services the
/// children step assigned: a child followed by the MECS is placed there under a judicial placement or an
/// accueil provisoire (renewed as often as its age requires, sometimes after an emergency stay at the foyer
/// de l'enfance), a child of the foster care service lives with an assistant familial, AEMO/AED children have
/// their measure; a few measures wait to be carried out, one young person is at a hotel, one child is
/// protected. Facilities of both départements declare places; a few placement requests are under way.
/// </summary>
internal static class DemoJourneyStep
{
    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var s = context.Structure;
        var random = new Random(DemoSeeder.RandomSeed + 23);
        var today = context.Today;
        if (!context.UserIds.TryGetValue("referent.nord", out var referentNord) || !context.UserIds.TryGetValue("referent.sud", out var referentSud)
            || !context.UserIds.TryGetValue("assistant.familial", out var fosterCarer) || !context.UserIds.TryGetValue("cadre.ase", out var cadre))
        {
            return;
        }

        const string Recorder = "Claire Dubreuil";
        var facilities = new DemoFacilities(s, fosterCarer, context.Now);
        db.Facilities.AddRange(facilities.All);

        var births = context.Children.ToDictionary(c => c.Id, c => c.BirthDate);
        var departements = context.Children.ToDictionary(c => c.Id, c => c.ResponsibleDepartementCode);
        var fosterChildren = (await db.WorkerAssignments.AsNoTracking()
            .Where(w => w.UserId == fosterCarer && w.Role == WorkerRole.FosterCarer).Select(w => w.ChildId).ToListAsync(ct)).ToHashSet();
        var assignments = await db.ServiceAssignments.AsNoTracking()
            .Where(a => a.ServiceId == s.Mecs.Id || a.ServiceId == s.FosterCare.Id || a.ServiceId == s.OpenSetting.Id)
            .OrderBy(a => a.StartsOn).ThenBy(a => a.ChildId)
            .ToListAsync(ct);

        var measures = new List<Measure>();
        var placements = new List<Placement>();
        foreach (var a in assignments)
        {
            if (!departements.TryGetValue(a.ChildId, out var dept) || dept != DemoStructure.DepartementCode)
            {
                continue;
            }

            var referent = random.Next(2) == 0 ? referentNord : referentSud;
            var birth = Birth(births[a.ChildId]);
            if (a.ServiceId == s.OpenSetting.Id)
            {
                var judicial = a.MotiveCode == AssignmentMotiveCatalogue.JudicialSupport;
                measures.Add(NewMeasure(a.ChildId, judicial ? "aemo" : "aed", a.ServiceId, a.StartsOn, a.EndsOn, referent, Recorder, random, today, birth));
                continue;
            }

            var placementKind = random.NextDouble() < 0.6 ? "placement_ase" : "accueil_provisoire";
            var stayStart = a.StartsOn;
            var emergencyFirst = a.ServiceId == s.Mecs.Id && random.NextDouble() < 0.25 && stayStart > today.AddYears(-6);
            var measureStart = emergencyFirst ? stayStart.AddDays(-random.Next(10, 40)) : stayStart;
            var measure = NewMeasure(a.ChildId, placementKind, s.AseNord.Id, measureStart, a.EndsOn, referent, Recorder, random, today, birth);
            measures.Add(measure);
            if (emergencyFirst)
            {
                placements.Add(NewStay(a.ChildId, measure.Id, PlaceKind.Establishment, CareType.Emergency, facilities.Foyer, facilities.FoyerEmergency,
                    measureStart, stayStart.AddDays(-1), "Accueil en urgence au foyer de l'enfance.", "Orientation vers une MECS après l'évaluation d'accueil.", Recorder));
            }

            var (facility, line, kind) = a.ServiceId == s.Mecs.Id
                ? (facilities.Mecs, facilities.MecsPermanent, PlaceKind.Establishment)
                : fosterChildren.Contains(a.ChildId) ? (facilities.Martine, facilities.MartineLine, PlaceKind.FosterCarer)
                : (facilities.FosterService, facilities.FosterServiceLine, PlaceKind.FosterCarer);
            placements.Add(NewStay(a.ChildId, measure.Id, kind, CareType.Permanent, facility, line, stayStart, a.EndsOn,
                emergencyFirst ? "Changement de lieu : projet d'accueil durable." : "Accueil décidé à l'ouverture de la mesure.",
                a.EndsOn is null ? null : "Fin de l'accueil avec la fin de la mesure.", Recorder));
        }

        AddWaitingMeasures(context, measures, today, referentNord, Recorder);
        var hotel = AddHotelStay(context, measures, placements, births, today, referentSud);
        db.Measures.AddRange(measures);
        db.MeasureDecisions.AddRange(measures.SelectMany(m => m.Decisions));
        db.Placements.AddRange(placements);
        await db.SaveChangesAsync(ct);

        var placed = placements.Where(p => p.EndsOn is null && p.FacilityId == facilities.Mecs.Id).Select(p => p.ChildId).Distinct().ToList();
        await AddContactRightsAndProtectionAsync(context, placed, measures, random, today, cadre, Recorder, ct);
        AddRequests(context, facilities, today, referentNord, hotel);
        await db.SaveChangesAsync(ct);
        await RefreshCapacityAsync(context, facilities, today, ct);
        db.ChangeTracker.Clear();
        context.Logger.LogInformation(
            "Demo journey created: {Measures} measures, {Placements} stays, {Facilities} facilities.", measures.Count, placements.Count, facilities.All.Count);
    }

    private static DateOnly? Birth(PartialDate date) =>
        date is { Year: { } y, Month: { } m, Day: { } d } ? new DateOnly(y, m, d) : null;

    private static Measure NewMeasure(
        Guid childId, string kindCode, Guid serviceId, DateOnly start, DateOnly? end, Guid referent, string recorder, Random random, DateOnly today, DateOnly? birth)
    {
        var kind = MeasureKinds.Find(kindCode)!;
        var months = kind.MaxMonths ?? 12;
        var measure = new Measure
        {
            ChildId = childId,
            DepartementCode = DemoStructure.DepartementCode,
            KindCode = kindCode,
            Framework = kind.Framework,
            LegalBasis = kind.LegalBasis,
            Authority = kind.Framework == MeasureFramework.Judicial ? DecidingAuthority.JuvenileJudge : DecidingAuthority.DepartementPresident,
            DecidedOn = start.AddDays(-random.Next(0, 6)),
            StartsOn = start,
            CarriedOutByServiceId = serviceId,
            ReferentUserId = referent,
            State = end is null ? MeasureState.InProgress : MeasureState.Ended,
            ParentalAgreementOn = kind.Framework == MeasureFramework.Administrative ? start.AddDays(-1) : null,
            RecordedByUserId = referent,
            RecordedByName = recorder,
        };
        // Decisions until the one in force covers today (or the measure's end): each at most its kind's length.
        var from = start;
        var decisionKind = MeasureDecisionKind.Initial;
        var stop = end ?? today;
        var number = random.Next(100, 900);
        while (true)
        {
            var until = from.AddMonths(months).AddDays(-1);
            if (birth is { } b && kind.IsYoungAdult && until > b.AddYears(21))
            {
                until = b.AddYears(21);
            }

            if (kind.Framework == MeasureFramework.Judicial)
            {
                measure.Decisions.Add(new MeasureDecision
                {
                    MeasureId = measure.Id,
                    ChildId = childId,
                    Kind = decisionKind,
                    DecidedOn = decisionKind == MeasureDecisionKind.Initial ? measure.DecidedOn : from.AddDays(-random.Next(3, 20)),
                    CoversFrom = from,
                    CoversUntil = until,
                    Court = "Tribunal judiciaire de Valbourg",
                    JudgeName = "Mme la juge des enfants Anne-Sophie Verdier",
                    Reference = $"JE 99/{from.Year}/{number++:D4}",
                    RecordedByUserId = referent,
                    RecordedByName = recorder,
                    RecordedAt = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
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

        return measure;
    }

    private static Placement NewStay(
        Guid childId, Guid measureId, PlaceKind kind, CareType care, Facility? facility, FacilityCapacity? line,
        DateOnly start, DateOnly? end, string reason, string? endReason, string recorder) => new()
        {
            ChildId = childId,
            MeasureId = measureId,
            PlaceKind = kind,
            CareType = care,
            FacilityId = facility?.Id,
            CapacityId = line?.Id,
            StartsOn = start,
            EndsOn = end,
            Reason = reason,
            EndReason = end is null ? null : endReason,
            RecordedByName = recorder,
        };

    /// <summary>Measures decided and not yet carried out: the waiting list tells how long each child has waited.</summary>
    private static void AddWaitingMeasures(DemoSeedContext context, List<Measure> measures, DateOnly today, Guid referent, string recorder)
    {
        var withMeasure = measures.Select(m => m.ChildId).ToHashSet();
        var candidates = context.Children
            .Where(c => c.ResponsibleDepartementCode == DemoStructure.DepartementCode && !withMeasure.Contains(c.Id)
                && Birth(c.BirthDate) is { } b && b < today.AddYears(-3) && b > today.AddYears(-16))
            .Take(6).ToList();
        int[] waited = [9, 23, 41, 67, 95, 128];
        for (var i = 0; i < candidates.Count; i++)
        {
            var judicial = i % 2 == 0;
            var kind = MeasureKinds.Find(judicial ? "aemo" : "aed")!;
            var decided = today.AddDays(-waited[i]);
            var measure = new Measure
            {
                ChildId = candidates[i].Id,
                DepartementCode = DemoStructure.DepartementCode,
                KindCode = kind.Code,
                Framework = kind.Framework,
                LegalBasis = kind.LegalBasis,
                Authority = judicial ? DecidingAuthority.JuvenileJudge : DecidingAuthority.DepartementPresident,
                DecidedOn = decided,
                PlannedEndOn = decided.AddMonths(judicial ? 12 : 6),
                CarriedOutByServiceId = context.Structure.OpenSetting.Id,
                ReferentUserId = referent,
                State = MeasureState.Decided,
                ParentalAgreementOn = judicial ? null : decided,
                RecordedByUserId = referent,
                RecordedByName = recorder,
            };
            if (judicial)
            {
                measure.Decisions.Add(new MeasureDecision
                {
                    MeasureId = measure.Id,
                    ChildId = measure.ChildId,
                    Kind = MeasureDecisionKind.Initial,
                    DecidedOn = decided,
                    CoversFrom = decided,
                    CoversUntil = measure.PlannedEndOn,
                    Court = "Tribunal judiciaire de Valbourg",
                    JudgeName = "M. le juge des enfants Paul Arnoux",
                    Reference = $"JE 99/{decided.Year}/{1200 + i:D4}",
                    RecordedByUserId = referent,
                    RecordedByName = recorder,
                    RecordedAt = decided.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                });
            }

            measures.Add(measure);
        }
    }

    /// <summary>A young person of 17 at a hotel under the 16–21 derogation: the 2-month limit is near.</summary>
    private static Guid? AddHotelStay(
        DemoSeedContext context, List<Measure> measures, List<Placement> placements, Dictionary<Guid, PartialDate> births, DateOnly today, Guid referent)
    {
        var busy = placements.Where(p => p.EndsOn is null).Select(p => p.ChildId).ToHashSet();
        var young = context.Children.FirstOrDefault(c => c.ResponsibleDepartementCode == DemoStructure.DepartementCode && !busy.Contains(c.Id)
            && Birth(births[c.Id]) is { } b && b <= today.AddYears(-17) && b > today.AddYears(-18).AddDays(60));
        if (young is null)
        {
            return null;
        }

        var start = today.AddDays(-50);
        var kind = MeasureKinds.Find("accueil_provisoire")!;
        var measure = new Measure
        {
            ChildId = young.Id,
            DepartementCode = DemoStructure.DepartementCode,
            KindCode = kind.Code,
            Framework = kind.Framework,
            LegalBasis = kind.LegalBasis,
            Authority = DecidingAuthority.DepartementPresident,
            DecidedOn = start,
            StartsOn = start,
            PlannedEndOn = Birth(births[young.Id])!.Value.AddYears(18).AddDays(-1),
            CarriedOutByServiceId = context.Structure.AseSud.Id,
            ReferentUserId = referent,
            State = MeasureState.InProgress,
            ParentalAgreementOn = start,
            RecordedByUserId = referent,
            RecordedByName = "Karim Hadjadj",
        };
        measures.Add(measure);
        placements.Add(new Placement
        {
            ChildId = young.Id,
            MeasureId = measure.Id,
            PlaceKind = PlaceKind.Hotel,
            CareType = CareType.Emergency,
            PlaceLabel = "Résidence hôtelière Le Relais, Valbourg (dérogation 16–21 ans)",
            StartsOn = start,
            Reason = "Aucune place en foyer jeunes travailleurs ; recherche d'une place en cours.",
            RecordedByName = "Karim Hadjadj",
        });
        return young.Id;
    }

    private static async Task AddContactRightsAndProtectionAsync(
        DemoSeedContext context, List<Guid> placed, List<Measure> measures, Random random, DateOnly today, Guid cadre, string recorder, CancellationToken ct)
    {
        var db = context.Db;
        var chosen = placed.Take(40).ToList();
        var parents = await db.LinkedPersons.AsNoTracking()
            .Where(p => chosen.Contains(p.ChildId) && (p.Relation == PersonRelation.Mother || p.Relation == PersonRelation.Father))
            .OrderBy(p => p.ChildId).ThenBy(p => p.Relation)
            .Select(p => new { p.Id, p.ChildId, p.Relation })
            .ToListAsync(ct);
        var measureOf = measures.Where(m => m.State == MeasureState.InProgress).GroupBy(m => m.ChildId).ToDictionary(g => g.Key, g => g.First());
        var protectedChild = chosen.FirstOrDefault(c => parents.Count(p => p.ChildId == c) == 2);
        foreach (var p in parents)
        {
            var isProtected = p.ChildId == protectedChild;
            var kind = isProtected
                ? (p.Relation == PersonRelation.Father ? ContactRightKind.Forbidden : ContactRightKind.Supervised)
                : random.NextDouble() switch
                {
                    < 0.45 => ContactRightKind.Free,
                    < 0.8 => ContactRightKind.Supervised,
                    < 0.92 => ContactRightKind.Suspended,
                    _ => ContactRightKind.ConfidentialAddress,
                };
            measureOf.TryGetValue(p.ChildId, out var measure);
            db.ContactRights.Add(new ContactRight
            {
                ChildId = p.ChildId,
                LinkedPersonId = p.Id,
                Kind = kind,
                MeasureId = measure?.Id,
                Source = measure?.Framework == MeasureFramework.Judicial ? $"Jugement du {measure.DecidedOn:dd/MM/yyyy}" : "Accord avec la famille",
                StartsOn = measure?.StartsOn ?? today.AddMonths(-3),
                Terms = kind switch
                {
                    ContactRightKind.Supervised => "Un samedi sur deux, au service, de 14 h à 16 h, en présence d'un éducateur.",
                    ContactRightKind.Free => "Appels le mercredi et le dimanche soir ; week-ends un sur deux.",
                    ContactRightKind.Suspended => "Suspendu jusqu'à la prochaine audience.",
                    _ => null,
                },
                RecordedByName = recorder,
            });
        }

        if (protectedChild != Guid.Empty)
        {
            db.ChildProtections.Add(new ChildProtection
            {
                ChildId = protectedChild,
                Reason = "Violences conjugales : le père ne doit pas connaître le lieu d'accueil (ordonnance de protection).",
                SetAt = context.Now.AddDays(-30),
                SetByUserId = cadre,
                SetByName = "Sophie Lemaire-Castel",
            });
            await db.Children.Where(c => c.Id == protectedChild).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsProtected, true), ct);
        }
    }

    /// <summary>Requests from the Territoire Nord: one waiting for answers, one accepted by the foyer, one refused.</summary>
    private static void AddRequests(DemoSeedContext context, DemoFacilities f, DateOnly today, Guid referent, Guid? hotelChild)
    {
        var db = context.Db;
        var children = context.Children.Where(c => c.ResponsibleDepartementCode == DemoStructure.DepartementCode).Skip(5).Take(2).ToList();
        if (hotelChild is { } h)
        {
            children.Insert(0, context.Children.First(c => c.Id == h));
        }

        (Facility Facility, FacilityCapacity Line, PlacementRequestStatus Status, string? Note)[][] answers =
        [
            [(f.Mecs, f.MecsPermanent, PlacementRequestStatus.Sent, null), (f.Foyer, f.FoyerPermanent, PlacementRequestStatus.InformationMissing, "Pouvez-vous préciser la scolarité et le suivi de soins en cours ?")],
            [(f.Foyer, f.FoyerEmergency, PlacementRequestStatus.Accepted, null), (f.Mecs, f.MecsEmergency, PlacementRequestStatus.Withdrawn, "Place trouvée ailleurs.")],
            [(f.LieuDeVie, f.LieuDeVieLine, PlacementRequestStatus.Refused, "Le lieu de vie n'accueille que des garçons de 12 à 17 ans.")],
        ];
        string[] needs =
        [
            "Adolescent de 17 ans, hébergé à l'hôtel depuis 7 semaines ; besoin d'un accueil stable avant la limite des 2 mois.",
            "Accueil d'urgence après une crise familiale ; fratrie de deux à garder ensemble si possible.",
            "Besoin d'un cadre contenant et d'un accompagnement scolaire renforcé.",
        ];
        for (var i = 0; i < Math.Min(children.Count, answers.Length); i++)
        {
            var child = children[i];
            var birth = Birth(child.BirthDate);
            var request = new PlacementRequest
            {
                ChildId = child.Id,
                DepartementCode = DemoStructure.DepartementCode,
                RequestedByServiceId = context.Structure.AseNord.Id,
                RequestedByUserId = referent,
                RequestedByName = "Claire Dubreuil",
                ContactPhone = "01 99 00 21 12",
                CareType = answers[i][0].Line.CareType,
                WantedFrom = today.AddDays(i + 1),
                ChildAgeYears = birth is { } b ? Age(b, today) : 10,
                ChildSex = child.Sex,
                SiblingsTogether = i == 1 ? 1 : 0,
                Needs = needs[i],
            };
            db.PlacementRequests.Add(request);
            foreach (var (facility, line, status, note) in answers[i])
            {
                db.PlacementRequestTargets.Add(new PlacementRequestTarget
                {
                    RequestId = request.Id,
                    ChildId = child.Id,
                    FacilityId = facility.Id,
                    CapacityId = status == PlacementRequestStatus.Accepted ? line.Id : null,
                    Status = status,
                    StatusNote = note,
                    UpdatedAt = context.Now.AddHours(-i - 2),
                    UpdatedByName = status == PlacementRequestStatus.Sent ? "Claire Dubreuil" : "Permanence de l'établissement",
                });
            }
        }
    }

    private static int Age(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>Counts each line's occupied and held places from the rows written, as the handlers do.</summary>
    private static async Task RefreshCapacityAsync(DemoSeedContext context, DemoFacilities f, DateOnly today, CancellationToken ct)
    {
        var db = context.Db;
        var occupied = await db.Placements.AsNoTracking()
            .Where(p => p.CapacityId != null && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today))
            .GroupBy(p => p.CapacityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var held = await db.PlacementRequestTargets.AsNoTracking()
            .Where(t => t.CapacityId != null && t.Status == PlacementRequestStatus.Accepted)
            .GroupBy(t => t.CapacityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var line in await db.FacilityCapacities.ToListAsync(ct))
        {
            var occ = occupied.FirstOrDefault(o => o.Key == line.Id)?.Count ?? 0;
            // A few places free on the lines the demo fills: the board has something to show.
            if (line.Id == f.MecsPermanent.Id || line.Id == f.FosterServiceLine.Id)
            {
                line.Installed = occ + 3;
            }
            else if (line.Id == f.MartineLine.Id)
            {
                line.Installed = Math.Max(3, occ);
            }

            line.Refresh(occ, held.FirstOrDefault(h => h.Key == line.Id)?.Count ?? 0);
        }

        await db.SaveChangesAsync(ct);
    }

}

/// <summary>The demo's places of care and their capacity lines.</summary>
internal sealed class DemoFacilities
{
    private readonly DateTime now;

    public DemoFacilities(DemoStructure s, Guid fosterCarer, DateTime now)
    {
        this.now = now;
        const string Updater = "Isabelle Fourcade";
        Mecs = New("MECS Les Tilleuls", "99", PlaceKind.Establishment, s.Mecs.Id, null, "990000177", 177, "99100", "Valbourg", "Permanence éducative", "01 99 00 17 70");
        MecsPermanent = Line(Mecs, CareType.Permanent, 6, 18, AcceptedSex.Any, 0, Updater);
        MecsEmergency = Line(Mecs, CareType.Emergency, 6, 18, AcceptedSex.Any, 2, Updater);
        Martine = New("Martine Rollinger, assistante familiale", "99", PlaceKind.FosterCarer, null, fosterCarer, null, null, "99140", "Saint-Aubin-la-Vallée", "Martine Rollinger", "06 99 14 02 33");
        Martine.AgreementNumber = "AGR-99-2019-0412";
        Martine.AgreementValidUntil = new DateOnly(2029, 6, 30);
        MartineLine = Line(Martine, CareType.Permanent, 0, 12, AcceptedSex.Any, 3, "Service d'accueil familial");
        FosterService = New("Accueil familial départemental (autres assistants familiaux)", "99", PlaceKind.FosterCarer, s.FosterCare.Id, null, "990000236", 236, "99000", "Valbourg", "Service d'accueil familial", "01 99 00 23 60");
        FosterServiceLine = Line(FosterService, CareType.Permanent, 0, 17, AcceptedSex.Any, 0, "Service d'accueil familial");
        Line(FosterService, CareType.Respite, 0, 17, AcceptedSex.Any, 2, "Service d'accueil familial");
        Foyer = New("Foyer départemental de l'enfance", "99", PlaceKind.Establishment, null, null, "990000175", 175, "99000", "Valbourg", "Cadre de permanence", "01 99 00 17 50");
        FoyerEmergency = Line(Foyer, CareType.Emergency, 3, 17, AcceptedSex.Any, 8, "Cadre de permanence");
        FoyerEmergency.Reserved = 1;
        FoyerPermanent = Line(Foyer, CareType.Permanent, 12, 17, AcceptedSex.Any, 10, "Cadre de permanence");
        FoyerPermanent.Closed = 2;
        var nursery = New("Pouponnière Les Petits Pas", "99", PlaceKind.Nursery, null, null, "990000172", 172, "99200", "Mont-sur-Vallée", "Infirmière de garde", "01 99 00 17 20");
        Line(nursery, CareType.Permanent, 0, 3, AcceptedSex.Any, 12, "Direction de la pouponnière");
        LieuDeVie = New("Lieu de vie La Grange", "99", PlaceKind.LieuDeVie, null, null, "990000462", 462, "99310", "Les Essarts", "Permanent du lieu de vie", "06 99 46 20 00");
        LieuDeVieLine = Line(LieuDeVie, CareType.Permanent, 12, 17, AcceptedSex.Boys, 4, "Permanent du lieu de vie");
        var genets = New("MECS Les Genêts (Collines)", "98", PlaceKind.Establishment, null, null, "980000177", 177, "98100", "Hautecombe", "Astreinte de direction", "01 98 00 17 70");
        Line(genets, CareType.Permanent, 6, 18, AcceptedSex.Any, 20, "Astreinte de direction");
        Line(genets, CareType.Emergency, 6, 18, AcceptedSex.Any, 3, "Astreinte de direction");
        var unpublished = New("Lieu de vie Le Moulin (Collines)", "98", PlaceKind.LieuDeVie, null, null, null, 462, "98200", "Roche-Basse", "Responsable", "06 98 00 46 20");
        unpublished.PublishesPlaces = false;
        Line(unpublished, CareType.Permanent, 10, 17, AcceptedSex.Any, 5, "Responsable").Published = false;
        All = [Mecs, Martine, FosterService, Foyer, nursery, LieuDeVie, genets, unpublished];
    }

    public IReadOnlyList<Facility> All { get; }
    public Facility Mecs { get; }
    public FacilityCapacity MecsPermanent { get; }
    public FacilityCapacity MecsEmergency { get; }
    public Facility Martine { get; }
    public FacilityCapacity MartineLine { get; }
    public Facility FosterService { get; }
    public FacilityCapacity FosterServiceLine { get; }
    public Facility Foyer { get; }
    public FacilityCapacity FoyerEmergency { get; }
    public FacilityCapacity FoyerPermanent { get; }
    public Facility LieuDeVie { get; }
    public FacilityCapacity LieuDeVieLine { get; }

    private static Facility New(
        string name, string dept, PlaceKind kind, Guid? serviceId, Guid? fosterCarer, string? finess, int? category,
        string postalCode, string city, string contact, string phone) => new()
        {
            Name = name,
            DepartementCode = dept,
            PlaceKind = kind,
            ServiceId = serviceId,
            FosterCarerUserId = fosterCarer,
            Finess = finess,
            FinessCategory = category,
            PostalCode = postalCode,
            City = city,
            ContactName = contact,
            ContactPhone = phone,
        };

    private FacilityCapacity Line(Facility facility, CareType care, int ageMin, int ageMax, AcceptedSex sex, int installed, string updater)
    {
        var line = new FacilityCapacity
        {
            FacilityId = facility.Id,
            DepartementCode = facility.DepartementCode,
            CareType = care,
            AgeMinYears = ageMin,
            AgeMaxYears = ageMax,
            AcceptedSex = sex,
            Installed = installed,
            Published = facility.PublishesPlaces,
            UpdatedAt = now.AddHours(-(ageMin + installed) % 30),
            UpdatedByName = updater,
        };
        facility.Capacities.Add(line);
        return line;
    }
}
