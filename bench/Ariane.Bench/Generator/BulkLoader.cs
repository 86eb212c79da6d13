using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Ariane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Ariane.Bench.Generator;

/// <summary>
/// Writes entities into PostgreSQL with COPY (binary), bypassing the app's request path and its audit,
/// which is what a bulk load is for. Tables and columns come from the app's own EF Core model, so a new
/// entity needs no mapping here, and a renamed column cannot silently go missing: every mapped column is
/// written. Docs: docs/performance.md, National-size datasets.
/// </summary>
internal sealed partial class BulkLoader(NpgsqlConnection connection, IModel model)
{
    private readonly ConcurrentDictionary<Type, TableMap> maps = new();

    /// <summary>Rows written so far, by table.</summary>
    public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    public static IModel ModelFor(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceSetup.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        using var db = new AppDbContext(builder.Options);
        return db.Model;
    }

    /// <summary>One COPY of <paramref name="rows"/> into <typeparamref name="T"/>'s table.</summary>
    public async Task<long> CopyAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var map = maps.GetOrAdd(typeof(T), t => TableMap.For(model, t));
        await using var importer = await connection.BeginBinaryImportAsync(map.CopyCommand, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in map.Columns)
            {
                var value = column.Read(row);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, column.DataTypeName, cancellationToken);
                }
            }
        }

        var written = (long)await importer.CompleteAsync(cancellationToken);
        Counts[map.Table] = Counts.GetValueOrDefault(map.Table) + written;
        return written;
    }

    private sealed record Column(string Name, string DataTypeName, Func<object, object?> Read);

    private sealed record TableMap(string Table, string CopyCommand, IReadOnlyList<Column> Columns)
    {
        public static TableMap For(IModel model, Type type)
        {
            var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the app's model.");
            var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            var columns = new List<Column>();
            foreach (var property in entityType.GetFlattenedProperties())
            {
                if (property.GetComputedColumnSql(store) is not null)
                {
                    continue;
                }

                if (property.IsShadowProperty())
                {
                    throw new InvalidOperationException($"{type.Name}.{property.Name} is a shadow property: the bulk loader cannot read it from the entity.");
                }

                var getter = property.GetGetter();
                var converter = property.GetTypeMapping().Converter;
                var name = property.GetColumnName(store) ?? property.Name;
                var dataType = TypeModifier().Replace(property.GetColumnType(store), string.Empty);
                columns.Add(new Column(name, dataType, entity =>
                {
                    var value = getter.GetClrValueUsingContainingEntity(entity);
                    if (value is null)
                    {
                        return null;
                    }

                    value = converter is null ? value : converter.ConvertToProvider(value);
                    return value is DateTime { Kind: not DateTimeKind.Utc } time ? DateTime.SpecifyKind(time.ToUniversalTime(), DateTimeKind.Utc) : value;
                }));
            }

            var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            return new TableMap(table, $"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)", columns);
        }
    }

    /// <summary>"character varying(200)" → "character varying": COPY takes the base type.</summary>
    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex TypeModifier();
}
