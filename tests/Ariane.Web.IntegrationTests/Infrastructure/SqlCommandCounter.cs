using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands the app's DbContexts execute in one test app, so that a test can say how many
/// one request issued. Only meaningful while nothing else runs in that app (one test class per app).
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private long count;
    private string? staleTable;

    public long Count => Interlocked.Read(ref count);

    /// <summary>
    /// Makes the next UPDATE of <paramref name="table"/> look for a version no row has, as if another user had
    /// saved between the handler's read and its write: the race a version check in the handler cannot see
    /// (Measures/MeasureLifecycleTests). One UPDATE only; the app's other commands run unchanged.
    /// </summary>
    public void LoseNextUpdateRace(string table) => Volatile.Write(ref staleTable, table);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Sabotage(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Sabotage(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Sabotage(command);
        return ValueTask.FromResult(result);
    }

    private void Sabotage(DbCommand command)
    {
        var table = Volatile.Read(ref staleTable);
        if (table is null)
        {
            return;
        }

        // EF writes « UPDATE "T" SET …, "Version" = @p1 WHERE "Id" = @p2 AND "Version" = @p3 »: the WHERE's version is the one read (named on SQLite, positional $n on PostgreSQL).
        var match = Regex.Match(command.CommandText, $"UPDATE \"{Regex.Escape(table)}\" SET [^;]*?WHERE [^;]*?\"Version\" = (@\\w+|\\$\\d+)", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!match.Success || Interlocked.CompareExchange(ref staleTable, null, table) != table)
        {
            return;
        }

        var name = match.Groups[1].Value;
        var parameter = name.StartsWith('$')
            ? command.Parameters[int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture) - 1]
            : command.Parameters.Cast<DbParameter>().Single(p => p.ParameterName == name || "@" + p.ParameterName == name);
        parameter.Value = -1;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }
}
