using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildMerge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChildMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AbsorbedChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AbsorbedDossierNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AbsorbedIdentity = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MergedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildMerges_Children_AbsorbedChildId",
                        column: x => x.AbsorbedChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildMerges_Children_SurvivorChildId",
                        column: x => x.SurvivorChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Children_MergedIntoId",
                table: "Children",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildMerges_AbsorbedChildId",
                table: "ChildMerges",
                column: "AbsorbedChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildMerges_AbsorbedDossierNumber",
                table: "ChildMerges",
                column: "AbsorbedDossierNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildMerges_SurvivorChildId",
                table: "ChildMerges",
                column: "SurvivorChildId");

            migrationBuilder.AddForeignKey(
                name: "FK_Children_Children_MergedIntoId",
                table: "Children",
                column: "MergedIntoId",
                principalTable: "Children",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Children_Children_MergedIntoId",
                table: "Children");

            migrationBuilder.DropTable(
                name: "ChildMerges");

            migrationBuilder.DropIndex(
                name: "IX_Children_MergedIntoId",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Children");
        }
    }
}
