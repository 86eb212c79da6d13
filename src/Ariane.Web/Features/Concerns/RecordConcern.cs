using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Persistence;
using Ariane.Web.Features.Children;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariane.Web.Features.Concerns;

/// <summary>The likely duplicates of one of the new children (its position in the request).</summary>
public sealed record NewChildDuplicates(int Index, string Name, IReadOnlyList<DuplicateCandidate> Candidates);

/// <summary>The IP recorded; or, before anything is written, the known children that the new ones may be.</summary>
public sealed record RecordConcernResult(ConcernView? Recorded, IReadOnlyList<NewChildDuplicates> Duplicates);

/// <summary>
/// The CRIP records an IP, on one screen while on the phone: receipt, channel, transmitter and origin,
/// the reporter (protected when a private person), the children — known ones chosen from the search, new
/// ones created on the spot after the duplicate check —, the household's adults, the nature of the
/// danger and the narrative. Everything is written in one transaction, or nothing.
/// </summary>
public sealed class RecordConcern(
    AppDbContext db, ChildAccess access, CurrentUser currentUser, FindDuplicates duplicates, CreateChild createChild,
    GetConcern getConcern, IOptions<ConcernDeadlineOptions> deadlines, TimeProvider time)
{
    public async Task<Result<RecordConcernResult>> HandleAsync(RecordConcernRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = await currentUser.SubjectAsync(cancellationToken);
        var grant = subject.Grants.FirstOrDefault(g => g.Role.Has(Permission.RecordConcern) && !string.IsNullOrEmpty(g.DepartementCode));
        if (grant is null)
        {
            return Result<RecordConcernResult>.Forbidden();
        }

        // JSON may send null for a list: an empty list, as the form would.
        request.Dangers ??= [];
        request.Difficulties ??= [];
        request.ChildIds ??= [];
        request.NewChildren = [.. (request.NewChildren ?? []).Where(n => n is not null)];
        request.NewChildren.ForEach(n => n.Child ??= new ChildInput());
        request.Adults = [.. (request.Adults ?? []).Where(a => a is not null)];
        var today = Format.Today(time);
        var errors = Validation.Check(request);
        var receivedAt = ConcernRules.ReceivedAt(request.ReceivedOn, request.ReceivedTime, time, errors);
        ConcernRules.CheckCodes(request.TransmitterCode, request.OriginCode, errors);
        Validation.Defined(request.Channel, "channel", errors);
        request.Dangers.ForEach(d => Validation.Defined<ConcernDangers>(d == ConcernDangers.None ? null : d, "dangers", errors));
        request.Difficulties.ForEach(d => Validation.Defined<FamilyDifficulties>(d == FamilyDifficulties.None ? null : d, "difficulties", errors));
        request.ChildIds = [.. request.ChildIds.Distinct()];
        request.Adults.RemoveAll(a => a.IsEmpty);
        var childCount = request.ChildIds.Count + request.NewChildren.Count;
        if (childCount == 0)
        {
            Validation.Add(errors, "childIds", "Indiquez au moins un enfant concerné : cherchez-le, ou créez-le s'il n'est pas connu.");
        }
        else if (childCount > RecordConcernRequest.MaxChildren)
        {
            Validation.Add(errors, "childIds", $"Une information concerne au plus {RecordConcernRequest.MaxChildren} enfants.");
        }

        if (request.Adults.Count > RecordConcernRequest.MaxAdults)
        {
            Validation.Add(errors, "adults", $"Indiquez au plus {RecordConcernRequest.MaxAdults} adultes du foyer.");
        }

        for (var i = 0; i < request.Adults.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Adults[i].LastName))
            {
                Validation.Add(errors, $"adults[{i}].lastName", "Le nom de l'adulte est obligatoire (« inconnu » si besoin).");
            }
        }

        if (request.Reporter is { IsEmpty: false } reporter && string.IsNullOrWhiteSpace(reporter.Name))
        {
            Validation.Add(errors, "reporter.name", "Le nom de la personne qui signale est obligatoire, ou laissez la rubrique vide (signalement anonyme).");
        }

        var births = new List<PartialDate>();
        for (var i = 0; i < request.NewChildren.Count; i++)
        {
            var childErrors = request.NewChildren[i].Child.Validate(today, out var birth);
            foreach (var (field, messages) in childErrors)
            {
                errors[$"newChildren[{i}].child.{field}"] = messages;
            }

            births.Add(birth);
        }

        if (errors.Count > 0)
        {
            return Result<RecordConcernResult>.Invalid(errors);
        }

        foreach (var childId in request.ChildIds)
        {
            var opening = await access.OpenAsync(childId, AccessOperation.Write, Section.Social, cancellationToken);
            if (!opening.Allowed)
            {
                // Refused or unknown look the same (the refusal is audited).
                return Result<RecordConcernResult>.Invalid("childIds", "Un des enfants choisis est introuvable : cherchez-le à nouveau.");
            }
        }

        var found = new List<NewChildDuplicates>();
        for (var i = 0; i < request.NewChildren.Count; i++)
        {
            var input = request.NewChildren[i];
            if (!input.ConfirmNotDuplicate)
            {
                var candidates = await duplicates.HandleAsync(input.Child, births[i], cancellationToken);
                if (candidates.Count > 0)
                {
                    found.Add(new NewChildDuplicates(i, $"{input.Child.BirthName} {input.Child.FirstNames}".Trim(), candidates));
                }
            }
        }

        if (found.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken); // the duplicate checks' audit rows
            return Result<RecordConcernResult>.Ok(new RecordConcernResult(null, found));
        }

        births.AddRange(await db.Children.AsNoTracking().Where(c => request.ChildIds.Contains(c.Id)).Select(c => c.BirthDate).ToListAsync(cancellationToken));
        var recordedBy = await currentUser.DisplayNameAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var concernId = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var childIds = new List<Guid>(request.ChildIds);
            foreach (var input in request.NewChildren)
            {
                var created = await createChild.HandleAsync(new CreateChildRequest { Child = input.Child, ConfirmNotDuplicate = true }, ct);
                childIds.Add(created.Value!.Created!.Id);
            }

            var concern = new Concern
            {
                DepartementCode = grant.DepartementCode!,
                ReceivedByServiceId = grant.ServiceId,
                ReceivedAt = receivedAt,
                Channel = request.Channel!.Value,
                TransmitterCode = request.TransmitterCode!.Value,
                OriginCode = request.OriginCode!.Value,
                Dangers = request.Dangers.Aggregate(ConcernDangers.None, (all, d) => all | d),
                FamilyDifficulties = request.Difficulties.Aggregate(FamilyDifficulties.None, (all, d) => all | d),
                GraveDanger = request.GraveDanger,
                Narrative = request.Narrative!.Trim(),
                DueOn = ConcernDeadlines.DueOn(DateOnly.FromDateTime(Format.ToParis(receivedAt)), births, request.GraveDanger, deadlines.Value),
                RecordedByUserId = subject.UserId,
                RecordedByName = recordedBy,
            };
            concern.Children.AddRange(childIds.Select(id => new ConcernChild { ConcernId = concern.Id, ChildId = id }));
            concern.Adults.AddRange(request.Adults.Select(a => new ConcernAdult
            {
                ConcernId = concern.Id,
                Concern = concern,
                LastName = a.LastName!.Trim(),
                FirstNames = ChildInput.Clean(a.FirstNames),
                Relation = ChildInput.Clean(a.Relation),
                Phone = ChildInput.Clean(a.Phone),
                Address = ChildInput.Clean(a.Address),
            }));
            db.Concerns.Add(concern);
            if (request.Reporter is { IsEmpty: false } r)
            {
                db.ConcernReporters.Add(new ConcernReporter
                {
                    ConcernId = concern.Id,
                    Concern = concern,
                    Name = r.Name!.Trim(),
                    Capacity = ChildInput.Clean(r.Capacity),
                    Phone = ChildInput.Clean(r.Phone),
                    Email = ChildInput.Clean(r.Email),
                    IsProtected = r.IsProtected,
                });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return concern.Id;
        }, cancellationToken);

        db.ChangeTracker.Clear();
        var view = await getConcern.HandleAsync(concernId, cancellationToken);
        return Result<RecordConcernResult>.Ok(new RecordConcernResult(view.Value, []));
    }

}
