using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariane.Persistence;

/// <summary>Recognises database errors that are the user's to fix, whatever the provider.</summary>
public static class DbErrors
{
    /// <summary>
    /// A unique index refused the row: two people created the same thing at the same instant, after
    /// both passed the handler's own duplicate check. Answer it like that check, not with a 500.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
            _ => false,
        };
    }
}
