using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpDeadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpDeadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpDeadlines_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpDeadlines_ChildId_Kind",
                table: "FollowUpDeadlines",
                columns: new[] { "ChildId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpDeadlines_DepartementCode_DueOn_Id",
                table: "FollowUpDeadlines",
                columns: new[] { "DepartementCode", "DueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpDeadlines");
        }
    }
}
