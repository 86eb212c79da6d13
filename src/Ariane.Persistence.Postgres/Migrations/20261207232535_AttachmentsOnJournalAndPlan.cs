using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentsOnJournalAndPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "JournalEntryId",
                table: "Attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlanVersionId",
                table: "Attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_JournalEntryId",
                table: "Attachments",
                column: "JournalEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_PlanVersionId",
                table: "Attachments",
                column: "PlanVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_ChildPlanVersions_PlanVersionId",
                table: "Attachments",
                column: "PlanVersionId",
                principalTable: "ChildPlanVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_JournalEntries_JournalEntryId",
                table: "Attachments",
                column: "JournalEntryId",
                principalTable: "JournalEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_ChildPlanVersions_PlanVersionId",
                table: "Attachments");

            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_JournalEntries_JournalEntryId",
                table: "Attachments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_JournalEntryId",
                table: "Attachments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_PlanVersionId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "JournalEntryId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "PlanVersionId",
                table: "Attachments");
        }
    }
}
