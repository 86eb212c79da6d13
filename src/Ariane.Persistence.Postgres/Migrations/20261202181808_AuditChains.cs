using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Chain",
                table: "AuditRecords",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "platform");

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditRecords",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditRecords",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.Sql(AuditAppendOnlySql.Chains.PostgresUp);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Chain_ChainSequence",
                table: "AuditRecords",
                columns: new[] { "Chain", "ChainSequence" },
                unique: true);

            // Name search at national size: the search's "contains the word" patterns served by trigram
            // indexes (docs/performance.md, National scale). pg_trgm is a trusted extension: the database
            // owner may create it.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX "IX_Children_SearchKey_trgm" ON "Children" USING gin ("SearchKey" gin_trgm_ops);
                CREATE INDEX "IX_Children_PhoneticKey_trgm" ON "Children" USING gin ("PhoneticKey" gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Children_PhoneticKey_trgm";
                DROP INDEX IF EXISTS "IX_Children_SearchKey_trgm";
                """);
            migrationBuilder.Sql(AuditAppendOnlySql.Chains.PostgresDown);

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Chain_ChainSequence",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "Chain",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "ChainSequence",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditRecords");
        }
    }
}
