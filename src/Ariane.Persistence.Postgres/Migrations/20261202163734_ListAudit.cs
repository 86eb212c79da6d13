using System;
using Ariane.Persistence.Audit;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditListedChildren",
                columns: table => new
                {
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditListedChildren", x => new { x.AuditSequence, x.ChildId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditListedChildren_ChildId_AuditSequence",
                table: "AuditListedChildren",
                columns: new[] { "ChildId", "AuditSequence" });

            // The children a list showed are part of the audit: append-only like it (docs/decisions/0006).
            migrationBuilder.Sql(AuditAppendOnlySql.PostgresUp("AuditListedChildren"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditAppendOnlySql.PostgresDown("AuditListedChildren"));
            migrationBuilder.DropTable(
                name: "AuditListedChildren");
        }
    }
}
