namespace Ariane.Persistence.Audit;

/// <summary>
/// Database-enforced append-only audit table, applied by the first migration of each provider.
/// A row can still be altered by someone who drops the trigger; the hash chain then shows it.
/// </summary>
public static class AuditAppendOnlySql
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
