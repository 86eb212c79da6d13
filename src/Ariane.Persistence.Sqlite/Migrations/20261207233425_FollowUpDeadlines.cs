using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
