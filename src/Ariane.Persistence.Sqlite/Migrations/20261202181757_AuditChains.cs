using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "platform");

            migrationBuilder.AddColumn<long>(
                name: "ChainSequence",
                table: "AuditRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditRecords",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.Sql(AuditAppendOnlySql.Chains.SqliteUp);
            // The replace guard now covers the chain position too.
            migrationBuilder.Sql(AuditAppendOnlySql.SqliteNoReplaceDown("AuditRecords"));
            migrationBuilder.Sql(AuditAppendOnlySql.SqliteNoReplaceUp("AuditRecords", ["Sequence"], ["Chain", "ChainSequence"]));

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Chain_ChainSequence",
                table: "AuditRecords",
                columns: new[] { "Chain", "ChainSequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditAppendOnlySql.SqliteNoReplaceDown("AuditRecords"));
            migrationBuilder.Sql(AuditAppendOnlySql.SqliteNoReplaceUp("AuditRecords", ["Sequence"]));

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
