using Ariane.Core.Plans;
using Ariane.Web.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Demo;

/// <summary>
/// Plans (PPE) of the demo (docs/domain.md §2.5): for children placed at the MECS or in foster care, objectives of the
/// ASE (by the référent) and actions of the MECS's educator; for those the MDPH follows, an MDPH objective and an MDPH
/// action in support of an ASE objective (seed 004); a validated, signed version for one plan in two. Other placed
/// children have no plan yet: the référent builds one from the record.
/// </summary>
internal static class DemoPlansStep
{
    public static async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var s = context.Structure;
        if (!context.UserIds.TryGetValue("referent.nord", out var referent) || !context.UserIds.TryGetValue("educateur.mecs", out var educator)
            || !context.UserIds.TryGetValue("partenaire.mdph", out var mdph))
        {
            return;
        }

        var random = new Random(DemoSeeder.RandomSeed + 41);
        var placed = await db.ServiceAssignments.AsNoTracking()
            .Where(a => a.EndsOn == null && (a.ServiceId == s.Mecs.Id || a.ServiceId == s.FosterCare.Id))
            .OrderBy(a => a.ChildId).Select(a => new { a.ChildId, a.ServiceId }).ToListAsync(ct);
        var withMdph = (await db.ServiceAssignments.AsNoTracking().Where(a => a.EndsOn == null && a.ServiceId == s.Mdph.Id)
            .Select(a => a.ChildId).ToListAsync(ct)).ToHashSet();
        var children = context.Children.ToDictionary(c => c.Id);
        var today = context.Today;
        var now = context.Now;
        var count = 0;
        // Every other placed child has a plan; the first of them with the MDPH always does.
        foreach (var p in placed.DistinctBy(p => p.ChildId).Where((p, i) => i % 2 == 0 || withMdph.Contains(p.ChildId)).Take(40))
        {
            var start = today.AddMonths(-random.Next(2, 10));
            var plan = new ChildPlan
            {
                ChildId = p.ChildId,
                Siblings = random.Next(3) == 0 ? "Un frère aîné accueilli dans une autre MECS ; ils se voient un mercredi sur deux." : null,
                HealthCheckOn = random.Next(4) == 0 ? null : start.AddDays(random.Next(5, 30)),
                ChildView = "Je voudrais rester dans le même collège et voir ma mère plus souvent.",
                ParentsView = "La mère souhaite un retour progressif, avec des week-ends à la maison.",
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedByName = "Claire Dubreuil",
            };
            var goals = new List<PlanGoal>
            {
                Goal(plan, "sco", GoalFor.Child, "Maintenir une scolarité régulière au collège", start, s.AseNord, "Claire Dubreuil", referent, random),
                Goal(plan, "rel", GoalFor.Parents, "Reprendre des visites régulières avec la mère", start, s.AseNord, "Claire Dubreuil", referent, random),
                Goal(plan, "dev", GoalFor.Child, "Mettre en place un suivi psychologique", start.AddDays(7), s.AseNord, "Claire Dubreuil", referent, random),
            };
            var actions = new List<PlanAction>();
            if (p.ServiceId == s.Mecs.Id)
            {
                actions.Add(Action(plan, goals[0], "Aide aux devoirs trois soirs par semaine", "Thomas Perrichon", start.AddDays(3), s.Mecs, "Thomas Perrichon", educator, random));
                actions.Add(Action(plan, goals[1], "Accompagner les visites médiatisées du samedi", "Thomas Perrichon", start.AddDays(10), s.Mecs, "Thomas Perrichon", educator, random));
            }

            actions.Add(Action(plan, goals[2], "Prise de rendez-vous au CMP", null, start.AddDays(14), s.AseNord, "Claire Dubreuil", referent, random));
            if (withMdph.Contains(p.ChildId))
            {
                var handicap = Goal(plan, "hand", GoalFor.Environment, "Obtenir l'aide humaine en classe (AESH)", start.AddDays(20), s.Mdph, "Sandrine Carrel", mdph, random);
                goals.Add(handicap);
                actions.Add(Action(plan, handicap, "Instruction de la demande de PCH et d'AESH", "Sandrine Carrel", start.AddDays(21), s.Mdph, "Sandrine Carrel", mdph, random));
                actions.Add(Action(plan, goals[0], "Action MDPH en soutien de la scolarité : notification d'un PAP", "Sandrine Carrel", start.AddDays(25), s.Mdph, "Sandrine Carrel", mdph, random));
            }

            db.ChildPlans.Add(plan);
            db.PlanGoals.AddRange(goals);
            db.PlanActions.AddRange(actions);
            if (count % 2 == 0)
            {
                plan.ValidatedNumber = 1;
                var child = children.GetValueOrDefault(p.ChildId);
                var snapshot = new PlanSnapshot(child?.DisplayName ?? "—", child?.DossierNumber ?? string.Empty, null, "Claire Dubreuil", null, plan.HealthCheckOn, plan.Siblings, null,
                    plan.ChildView, plan.ParentsView, null,
                    [.. goals.Select(g => new GoalSnapshot(g.Id, g.DomainCode, g.For, g.Title, g.Description, g.StartsOn, g.DueOn, g.Progress, g.Status, g.OwnerServiceName, g.CreatedByName))],
                    [.. actions.Select(a => new ActionSnapshot(a.Id, a.GoalId, a.Title, a.PersonInCharge, a.StartsOn, a.EndsOn, a.Progress, a.Status, a.OwnerServiceName, a.CreatedByName))]);
                var version = new ChildPlanVersion
                {
                    ChildId = p.ChildId,
                    PlanId = plan.Id,
                    Number = 1,
                    Snapshot = snapshot.Serialise(),
                    ValidatedByUserId = referent,
                    ValidatedByName = "Claire Dubreuil",
                    ValidatedAt = now.AddDays(-random.Next(5, 40)),
                };
                db.ChildPlanVersions.Add(version);
                db.PlanSignatures.Add(new PlanSignature
                {
                    ChildId = p.ChildId,
                    VersionId = version.Id,
                    Kind = SignatoryKind.Departement,
                    Name = "Sophie Lemaire-Castel, inspectrice enfance",
                    SignedOn = DateOnly.FromDateTime(version.ValidatedAt),
                    RecordedByName = "Claire Dubreuil",
                    RecordedAt = version.ValidatedAt,
                });
            }

            count++;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        context.Logger.LogInformation("Demo plans created: {Plans} plans.", count);
    }

    private static PlanGoal Goal(ChildPlan plan, string domain, GoalFor target, string title, DateOnly start, Core.Organisations.Service owner, string author, Guid authorId, Random random) => new()
    {
        ChildId = plan.ChildId,
        PlanId = plan.Id,
        DomainCode = domain,
        For = target,
        Title = title,
        StartsOn = start,
        DueOn = start.AddMonths(random.Next(3, 9)),
        Progress = random.Next(0, 11) * 10,
        OwnerServiceId = owner.Id,
        OwnerServiceName = owner.Name,
        CreatedByUserId = authorId,
        CreatedByName = author,
        CreatedAt = plan.CreatedAt,
        UpdatedAt = plan.CreatedAt,
    };

    private static PlanAction Action(ChildPlan plan, PlanGoal goal, string title, string? person, DateOnly start, Core.Organisations.Service owner, string author, Guid authorId, Random random) => new()
    {
        ChildId = plan.ChildId,
        PlanId = plan.Id,
        GoalId = goal.Id,
        Title = title,
        PersonInCharge = person,
        StartsOn = start,
        EndsOn = random.Next(3) == 0 ? null : start.AddMonths(random.Next(2, 6)),
        Progress = random.Next(0, 11) * 10,
        Status = ActionStatus.InProgress,
        OwnerServiceId = owner.Id,
        OwnerServiceName = owner.Name,
        CreatedByUserId = authorId,
        CreatedByName = author,
        CreatedAt = plan.CreatedAt,
        UpdatedAt = plan.CreatedAt,
    };
}
