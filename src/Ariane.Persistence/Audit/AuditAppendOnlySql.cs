namespace Ariane.Persistence.Audit;

/// <summary>An audit table that the database keeps append-only, with its unique keys (the primary key first).</summary>
public sealed record AppendOnlyTable(string Name, params string[][] UniqueKeys);

/// <summary>
/// Database-enforced append-only audit tables: no statement may replace, alter or remove a stored row.
/// A new audit table gets the whole protection with one call in its migration
/// (<see cref="SqliteUp"/> / <see cref="PostgresUp"/>) and one line in <see cref="Tables"/>, which the
/// tests read to check that every audit table is guarded. What remains possible (the schema owner can
/// drop a trigger or the table; the hash chain shows it) is in docs/decisions/0006-audit-append-only.md.
/// </summary>
public static class AuditAppendOnlySql
{
    /// <summary>Every append-only table and its unique keys, as the migrations guard them.</summary>
    public static IReadOnlyList<AppendOnlyTable> Tables { get; } =
    [
        new("AuditRecords", ["Sequence"], ["Chain", "ChainSequence"]),
        new("AuditListedChildren", ["AuditSequence", "ChildId"]),
    ];

    /// <summary>SQLite: triggers refusing UPDATE, DELETE and any INSERT that would replace a stored row.</summary>
    public static string SqliteUp(string table, params string[][] uniqueKeys) =>
        $"""
        CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}"
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}"
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        {SqliteNoReplaceUp(table, uniqueKeys)}
        """;

    public static string SqliteDown(string table) =>
        $"""
        {SqliteNoReplaceDown(table)}
        DROP TRIGGER IF EXISTS "{table}_no_update";
        DROP TRIGGER IF EXISTS "{table}_no_delete";
        """;

    /// <summary>
    /// SQLite: INSERT OR REPLACE, REPLACE INTO and the REPLACE conflict clause delete the row that holds the
    /// same key without firing the delete trigger (unless recursive_triggers is on), and an upsert only
    /// meets the update trigger after its insert: refuse, before the insert, any row whose unique key is
    /// already stored. A plain duplicate INSERT, INSERT OR IGNORE and ON CONFLICT DO NOTHING are refused
    /// too; none of them could change a stored row anyway.
    /// </summary>
    public static string SqliteNoReplaceUp(string table, params string[][] uniqueKeys)
    {
        ArgumentNullException.ThrowIfNull(uniqueKeys);
        if (uniqueKeys.Length == 0 || uniqueKeys.Any(k => k.Length == 0))
        {
            throw new ArgumentException("Give at least the primary key's columns.", nameof(uniqueKeys));
        }

        var taken = string.Join(" OR ", uniqueKeys.Select(key =>
            $"EXISTS (SELECT 1 FROM \"{table}\" WHERE {string.Join(" AND ", key.Select(c => $"\"{c}\" = NEW.\"{c}\""))})"));
        return $"""
            CREATE TRIGGER "{table}_no_replace" BEFORE INSERT ON "{table}"
            WHEN {taken}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
            """;
    }

    public static string SqliteNoReplaceDown(string table) => $"DROP TRIGGER IF EXISTS \"{table}_no_replace\";";

    /// <summary>
    /// PostgreSQL: row triggers refusing UPDATE and DELETE, a statement trigger refusing TRUNCATE. They also
    /// catch INSERT ... ON CONFLICT DO UPDATE (its update fires the row's UPDATE trigger) and both MERGE
    /// branches, so no INSERT trigger is needed (tests prove each statement).
    /// </summary>
    public static string PostgresUp(string table) =>
        $"""
        CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$;
        CREATE TRIGGER "{table}_no_update_delete" BEFORE UPDATE OR DELETE ON "{table}"
            FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        REVOKE UPDATE, DELETE, TRUNCATE ON "{table}" FROM PUBLIC;
        """;

    /// <summary>Drops the table's triggers; the shared function stays, other tables use it.</summary>
    public static string PostgresDown(string table) =>
        $"""
        DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}";
        DROP TRIGGER IF EXISTS "{table}_no_update_delete" ON "{table}";
        """;

    /// <summary>
    /// Migration AuditChains: the rows written before chains existed join the platform chain at the
    /// position they had, unkeyed. The one UPDATE ever run on the audit, with the guard lifted for it
    /// inside the migration's transaction; it changes no field any stored hash covers.
    /// </summary>
    public static class Chains
    {
        public const string Backfill = """UPDATE "AuditRecords" SET "Chain" = 'platform', "ChainSequence" = "Sequence";""";

        public const string SqliteUp = $"""
            DROP TRIGGER "AuditRecords_no_update";
            {Backfill}
            CREATE TRIGGER "AuditRecords_no_update" BEFORE UPDATE ON "AuditRecords"
            BEGIN SELECT RAISE(ABORT, 'AuditRecords is append-only'); END;
            """;

        public const string PostgresUp = $"""
            ALTER TABLE "AuditRecords" DISABLE TRIGGER audit_records_no_update_delete;
            {Backfill}
            ALTER TABLE "AuditRecords" ENABLE TRIGGER audit_records_no_update_delete;
            CREATE SEQUENCE "{AuditChain.PostgresSequence}" AS bigint;
            SELECT setval('"{AuditChain.PostgresSequence}"', COALESCE((SELECT MAX("Sequence") FROM "AuditRecords"), 0) + 1, false);
            """;

        public const string PostgresDown = $"""DROP SEQUENCE IF EXISTS "{AuditChain.PostgresSequence}";""";
    }

    /// <summary>
    /// The SQL of the Initial migration, kept word for word: migrations already applied must replay the
    /// same way on a new database. It lacks SQLite's replace guard, which migration AuditNoReplace adds.
    /// </summary>
    public static class Initial
    {
        public const string SqliteUp = """
            CREATE TRIGGER "AuditRecords_no_update" BEFORE UPDATE ON "AuditRecords"
            BEGIN SELECT RAISE(ABORT, 'AuditRecords is append-only'); END;
            CREATE TRIGGER "AuditRecords_no_delete" BEFORE DELETE ON "AuditRecords"
            BEGIN SELECT RAISE(ABORT, 'AuditRecords is append-only'); END;
            """;

        public const string SqliteDown = """
            DROP TRIGGER IF EXISTS "AuditRecords_no_update";
            DROP TRIGGER IF EXISTS "AuditRecords_no_delete";
            """;

        public const string PostgresUp = """
            CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'AuditRecords is append-only'; END; $$;
            CREATE TRIGGER audit_records_no_update_delete BEFORE UPDATE OR DELETE ON "AuditRecords"
                FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
            CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON "AuditRecords"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
            REVOKE UPDATE, DELETE, TRUNCATE ON "AuditRecords" FROM PUBLIC;
            """;

        public const string PostgresDown = """
            DROP TRIGGER IF EXISTS audit_records_no_truncate ON "AuditRecords";
            DROP TRIGGER IF EXISTS audit_records_no_update_delete ON "AuditRecords";
            DROP FUNCTION IF EXISTS audit_records_append_only();
            """;
    }
}
