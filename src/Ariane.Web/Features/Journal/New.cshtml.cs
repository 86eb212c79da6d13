using System.Globalization;
using Ariane.Core.Access;
using Ariane.Core.Journal;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Journal;

/// <summary>
/// Writes a journal entry from a phone (docs/domain.md, Journal): the type in one tap, date and time already set to
/// now, the fact, then the assessment if any; « qui pourra lire cette note » shown before saving. « Après la visite »
/// (?apres=visite) is the short version for the worker who did not type in front of the family. Also corrects one's
/// own entry (route entryId).
/// </summary>
[AuditedChildData(Section.Social, OpensFor = AccessOperation.Read)]
public sealed class NewModel(JournalForm form, RecordJournalEntry record, CorrectJournalEntry correct, GetJournalEntry get, TimeProvider time) : PageModel
{
    public const string AfterVisit = "visite";
    public const string ConflictMessage = "Cette note a été corrigée entre-temps : voici la version à jour. Vérifiez-la puis recommencez.";

    [BindProperty]
    public JournalEntryRequest Input { get; set; } = new();

    /// <summary>The time typed (HH:MM), parsed here with the forms' one French message.</summary>
    [BindProperty]
    public string? Time { get; set; }

    /// <summary>Files sent with a new entry (taken into the entry's section).</summary>
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Apres { get; set; }

    public Guid Id { get; private set; }

    public Guid? EntryId { get; private set; }

    public JournalFormView? Form { get; private set; }

    /// <summary>The entry being corrected: its section is fixed.</summary>
    public JournalEntryView? Entry { get; private set; }

    public bool Quick => Apres == AfterVisit && EntryId is null;

    /// <summary>The types offered: all, or those of « après la visite ».</summary>
    public IReadOnlyList<JournalEntryKind> Kinds => Form?.IncidentsOnly == true
        ? JournalRules.IncidentKinds
        : Quick
        ? [JournalEntryKind.Visit, JournalEntryKind.SupervisedVisit, JournalEntryKind.Contact]
        : Enum.GetValues<JournalEntryKind>();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? entryId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, entryId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (Entry is { } e)
        {
            var paris = Format.ToParis(e.OccurredAt);
            Input = new JournalEntryRequest
            {
                Kind = e.Kind,
                Section = e.Section,
                OccurredOn = DateOnly.FromDateTime(paris),
                Fact = e.Fact,
                Assessment = e.Assessment,
                PracticalSummary = e.PracticalSummary,
                PlanGoalId = e.PlanGoalId,
                Version = e.Version,
            };
            Time = paris.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        else
        {
            var now = Format.ToParis(time.GetUtcNow().UtcDateTime);
            Input.OccurredOn = DateOnly.FromDateTime(now);
            Time = now.ToString("HH:mm", CultureInfo.InvariantCulture);
            Input.Kind = Form!.IncidentsOnly ? (Apres == "fugue" ? JournalEntryKind.Runaway : JournalEntryKind.Incident) : Quick ? JournalEntryKind.Visit : null;
            Input.Section = Form!.MayWriteSocial ? Section.Social : Section.Health;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? entryId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, entryId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(Time))
        {
            Input.OccurredTime = null;
        }
        else if (FrenchDates.TryParseTime(Time, out var parsed))
        {
            Input.OccurredTime = parsed;
        }
        else
        {
            ModelState.AddModelError(nameof(Time), FrenchDates.InvalidTimeMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = entryId is { } existing
            ? await correct.HandleAsync(existing, Input, cancellationToken)
            : await record.HandleAsync(id, Input, cancellationToken, Files);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = entryId is null ? "Note enregistrée au journal." : "Note corrigée.";
                return Redirect($"/Journal/{id}");
            case ResultStatus.Invalid:
                ModelState.Clear();
                var errors = result.Errors!.ToDictionary(p => p.Key, p => p.Value);
                if (errors.Remove("occurredTime", out var timeErrors))
                {
                    foreach (var message in timeErrors)
                    {
                        ModelState.AddModelError(nameof(Time), message);
                    }
                }

                if (errors.Remove("files", out var fileErrors))
                {
                    foreach (var message in fileErrors)
                    {
                        ModelState.AddModelError(nameof(Files), message);
                    }
                }

                ModelState.AddErrors(errors, nameof(Input));
                return Page();
            case ResultStatus.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                if (result.Current is JournalEntryView current)
                {
                    Entry = current;
                    Input.Version = current.Version;
                }

                return Page();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? entryId, CancellationToken cancellationToken)
    {
        Id = id;
        EntryId = entryId;
        var prepared = await form.HandleAsync(id, cancellationToken);
        if (prepared.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        if (prepared.Value is null)
        {
            return NotFound();
        }

        Form = prepared.Value;
        if (entryId is { } existing)
        {
            var entry = (await get.HandleAsync(existing, cancellationToken)).Value;
            if (entry is null || entry.ChildId != id)
            {
                return NotFound();
            }

            if (!entry.MayCorrect)
            {
                return Forbid();
            }

            Entry = entry;
        }

        return null;
    }
}
