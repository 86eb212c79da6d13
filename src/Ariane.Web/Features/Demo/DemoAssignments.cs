using Ariane.Core.Children;

namespace Ariane.Web.Features.Demo;

/// <summary>Which services follow the child and which professionals are named on it.</summary>
internal sealed partial class DemoChildGenerator
{
    /// <summary>Children named on the demo foster carer: an assistant familial hosts one to three children.</summary>
    private const int FosterCarerCapacity = 3;
    private const int MinimumMecsEducatorChildren = 40;
    private const int MinimumMdphChildren = 15;

    private int fosterCarerChildren;

    private enum Measure
    {
        None,
        Mecs,
        OpenSetting,
        FosterCare,
    }

    private Measure PickMeasure() => random.NextDouble() switch
    {
        < 0.34 => Measure.Mecs,
        < 0.56 => Measure.OpenSetting,
        < 0.62 => Measure.FosterCare,
        _ => Measure.None,
    };

    private void AssignServices(Child child, DateOnly born, int age, bool north, Measure measure, DateOnly? moved)
    {
        var aseStart = moved is { } m && born < m
            ? Min(m.AddDays(random.Next(0, 30)), today)
            : Between(Max(born, today.AddYears(-8)), today.AddDays(-14));
        if (moved is { } movedOn && born < movedOn.AddDays(-60))
        {
            // The family came from the other territory: the former follow-up is closed.
            var formerStart = Between(Max(born, movedOn.AddYears(-5)), movedOn.AddDays(-60));
            var formerEnd = aseStart.AddDays(-1);
            AddService(child, north ? structure.AseSud.Id : structure.AseNord.Id, formerStart, formerEnd, AssignmentMotiveCatalogue.AseFollowUp);
            AddWorker(child, north ? "referent.sud" : "referent.nord", WorkerRole.CaseWorker, formerStart, formerEnd);
        }

        AddService(child, north ? structure.AseNord.Id : structure.AseSud.Id, aseStart, null, AssignmentMotiveCatalogue.AseFollowUp);
        if (Chance(0.85))
        {
            AddWorker(child, north ? "referent.nord" : "referent.sud", WorkerRole.CaseWorker, Between(aseStart, Min(aseStart.AddDays(60), today)), null);
        }

        if (north && Chance(0.05))
        {
            AddWorker(child, "evaluateur", WorkerRole.Evaluator, Between(Max(aseStart, today.AddDays(-90)), today.AddDays(-1)), null);
        }

        if (age < 4 && measure == Measure.Mecs)
        {
            // Young children are not placed in a MECS: a foster family, or support at home.
            measure = Chance(0.5) ? Measure.FosterCare : Measure.OpenSetting;
        }

        AssignMeasure(child, born, measure, aseStart);
        if (age >= 2 && Chance(0.13))
        {
            AddService(child, structure.Mdph.Id, Between(Max(born.AddYears(2), today.AddYears(-4)), today.AddDays(-10)), null, AssignmentMotiveCatalogue.Mdph);
        }

        if (age is >= 3 and <= 17 && Chance(0.18))
        {
            var start = Between(Max(born.AddYears(3), today.AddYears(-2)), today.AddDays(-10));
            AddService(child, structure.School.Id, start, EndOrNull(start, 0.1, 60), AssignmentMotiveCatalogue.School);
        }

        if (age < 6 && Chance(0.8))
        {
            var start = Between(born, Min(born.AddDays(90), today));
            AddService(child, structure.Pmi.Id, start, EndOrNull(start, 0.1, 90), AssignmentMotiveCatalogue.Pmi);
        }
    }

    private void AssignMeasure(Child child, DateOnly born, Measure measure, DateOnly aseStart)
    {
        var start = Between(Max(aseStart, measure == Measure.Mecs ? born.AddYears(4) : born), today.AddDays(-7));
        switch (measure)
        {
            case Measure.Mecs:
                var end = EndOrNull(start, 0.12, 30);
                AddService(child, structure.Mecs.Id, start, end, AssignmentMotiveCatalogue.Placement);
                if (end is null && Chance(0.65))
                {
                    AddWorker(child, "educateur.mecs", WorkerRole.Educator, Between(start, Min(start.AddDays(30), today)), null);
                }

                break;
            case Measure.OpenSetting:
                start = Between(Max(aseStart, today.AddYears(-3)), today.AddDays(-10));
                var ends = EndOrNull(start, 0.3, 180);
                AddService(child, structure.OpenSetting.Id, start, ends, Chance(0.55) ? AssignmentMotiveCatalogue.JudicialSupport : AssignmentMotiveCatalogue.AdministrativeSupport);
                if (ends is null && Chance(0.35))
                {
                    AddWorker(child, "educateur.aemo", WorkerRole.Educator, start, null);
                }

                break;
            case Measure.FosterCare:
                var leaves = EndOrNull(start, 0.1, 60);
                AddService(child, structure.FosterCare.Id, start, leaves, AssignmentMotiveCatalogue.FosterCare);
                if (leaves is null && fosterCarerChildren < FosterCarerCapacity)
                {
                    AddWorker(child, "assistant.familial", WorkerRole.FosterCarer, start, null);
                    fosterCarerChildren++;
                }

                break;
        }
    }

    /// <summary>Follow-up of an unaccompanied minor; true when the minor is placed in the MECS.</summary>
    private bool AssignUnaccompaniedMinor(Child child, DateOnly arrived, bool north)
    {
        AddService(child, north ? structure.AseNord.Id : structure.AseSud.Id, arrived, null, AssignmentMotiveCatalogue.UnaccompaniedMinor);
        AddWorker(child, north ? "referent.nord" : "referent.sud", WorkerRole.CaseWorker, Min(arrived.AddDays(random.Next(0, 10)), today), null);
        if (!Chance(0.7))
        {
            return false;
        }

        var start = Min(arrived.AddDays(random.Next(0, 15)), today);
        AddService(child, structure.Mecs.Id, start, null, AssignmentMotiveCatalogue.Placement);
        if (Chance(0.65))
        {
            AddWorker(child, "educateur.mecs", WorkerRole.Educator, start, null);
        }

        return true;
    }

    /// <summary>
    /// The demo scenarios need a full caseload for the MECS educator and the MDPH partner: 40 and 15
    /// children in the default dataset of 300, proportionally fewer in a smaller one.
    /// </summary>
    private void EnsureMinimums()
    {
        var educatorTarget = Math.Min(MinimumMecsEducatorChildren, children.Count * 2 / 15);
        var mdphTarget = Math.Min(MinimumMdphChildren, children.Count / 20);
        var educator = userIds["educateur.mecs"];
        var named = children.Count(c => c.WorkerAssignments.Exists(w => w.UserId == educator && w.EndsOn is null));
        foreach (var child in children)
        {
            if (named >= educatorTarget)
            {
                break;
            }

            var placement = child.ServiceAssignments.Find(a => a.ServiceId == structure.Mecs.Id && a.EndsOn is null);
            if (placement is not null && !child.WorkerAssignments.Exists(w => w.UserId == educator))
            {
                AddWorker(child, "educateur.mecs", WorkerRole.Educator, placement.StartsOn, null);
                named++;
            }
        }

        var followed = children.Count(c => c.ServiceAssignments.Exists(a => a.ServiceId == structure.Mdph.Id));
        foreach (var child in children)
        {
            if (followed >= mdphTarget)
            {
                break;
            }

            if (child.BirthDate.Year is { } year && today.Year - year >= 3 && !child.ServiceAssignments.Exists(a => a.ServiceId == structure.Mdph.Id))
            {
                AddService(child, structure.Mdph.Id, Between(today.AddYears(-2), today.AddDays(-10)), null, AssignmentMotiveCatalogue.Mdph);
                followed++;
            }
        }
    }

    /// <summary>Assigns a service with a motive of <see cref="AssignmentMotiveCatalogue"/> (seeded by the migration).</summary>
    private static void AddService(Child child, Guid serviceId, DateOnly startsOn, DateOnly? endsOn, string motiveCode) =>
        child.ServiceAssignments.Add(new ServiceAssignment { ChildId = child.Id, ServiceId = serviceId, StartsOn = startsOn, EndsOn = endsOn, MotiveCode = motiveCode });

    private void AddWorker(Child child, string userName, WorkerRole role, DateOnly startsOn, DateOnly? endsOn) =>
        child.WorkerAssignments.Add(new WorkerAssignment { ChildId = child.Id, UserId = userIds[userName], Role = role, StartsOn = startsOn, EndsOn = endsOn });

    /// <summary>With the given chance, an end date at least <paramref name="minimumDays"/> after the start and before today.</summary>
    private DateOnly? EndOrNull(DateOnly start, double chance, int minimumDays) =>
        Chance(chance) && start.AddDays(minimumDays) < today ? Between(start.AddDays(minimumDays), today.AddDays(-1)) : null;
}
