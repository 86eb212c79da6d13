using Ariane.Core.Assessments;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Web.Features.Assessments;

/// <summary>
/// The stored framework versions (docs/operations.md, Evaluation framework): the one shipped with Ariane is
/// stored at start when missing; a département loads its own file with the <c>load-framework</c> command;
/// a new evaluation takes the département's latest version, else the shipped one.
/// </summary>
public static class AssessmentFrameworks
{
    public static async Task<AssessmentFramework> CurrentAsync(AppDbContext db, string departementCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AssessmentFrameworks.AsNoTracking()
                .Where(f => f.DepartementCode == departementCode)
                .OrderByDescending(f => f.LoadedAt).ThenByDescending(f => f.Id)
                .FirstOrDefaultAsync(cancellationToken)
            ?? await db.AssessmentFrameworks.AsNoTracking()
                .Where(f => f.DepartementCode == null)
                .OrderByDescending(f => f.LoadedAt).ThenByDescending(f => f.Id)
                .FirstOrDefaultAsync(cancellationToken)
            ?? await LoadAsync(db, DefaultFramework.Json(), null, cancellationToken) switch
            {
                (var f, _) when f is not null => f,
                (_, var errors) => throw new InvalidOperationException("The shipped framework does not parse: " + string.Join("; ", errors)),
            };
    }

    /// <summary>Stores a framework file for a département (null: the platform's default). The same version twice is refused.</summary>
    public static async Task<(AssessmentFramework? Framework, IReadOnlyList<string> Errors)> LoadAsync(
        AppDbContext db, string json, string? departementCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (definition, errors) = FrameworkDefinition.TryParse(json);
        if (definition is null)
        {
            return (null, errors);
        }

        if (await db.AssessmentFrameworks.AnyAsync(f => f.DepartementCode == departementCode && f.Code == definition.Code && f.Version == definition.Version, cancellationToken))
        {
            return (null, [$"La version « {definition.Version} » du référentiel « {definition.Code} » est déjà chargée : changez le numéro de version."]);
        }

        var framework = new AssessmentFramework
        {
            Code = definition.Code,
            Version = definition.Version,
            Title = definition.Title,
            DepartementCode = departementCode,
            Definition = json,
            LoadedAt = db.Audit.Now,
        };
        db.AssessmentFrameworks.Add(framework);
        await db.SaveChangesAsync(cancellationToken);
        return (framework, []);
    }
}
