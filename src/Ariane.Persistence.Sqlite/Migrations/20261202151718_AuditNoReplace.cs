using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// INSERT OR REPLACE / REPLACE INTO could overwrite an audit row, since the delete they imply fires no
    /// trigger: the Initial migration's update and delete triggers get their insert companion.
    /// </summary>
    public partial class AuditNoReplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditAppendOnlySql.SqliteNoReplaceUp("AuditRecords", ["Sequence"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditAppendOnlySql.SqliteNoReplaceDown("AuditRecords"));
        }
    }
}
