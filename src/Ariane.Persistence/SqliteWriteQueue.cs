using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ariane.Persistence;

/// <summary>
/// One async lock per SQLite database file, taken around audited writes. SQLite serialises writers
/// anyway; queuing them here keeps waiting requests off the thread pool's threads and avoids the
/// driver's fixed 150 ms back-off. PostgreSQL needs none of this (no-op).
/// </summary>
internal static class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public static async Task<IDisposable?> EnterAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite())
        {
            return null;
        }

        var gate = Locks.GetOrAdd(database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
