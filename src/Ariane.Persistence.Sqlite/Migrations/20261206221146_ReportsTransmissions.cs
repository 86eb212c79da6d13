using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportsTransmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentTransmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SentByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentTransmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentTransmissions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentTransmissions_GeneratedDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "GeneratedDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentTransmissions_Services_RecipientServiceId",
                        column: x => x.RecipientServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SituationReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Prefill = table.Column<string>(type: "TEXT", nullable: false),
                    HighlightIds = table.Column<string>(type: "TEXT", nullable: false),
                    EvaluationDevelopment = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EvaluationRelations = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EvaluationSchooling = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EvaluationAutonomy = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PlanAssessment = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Proposals = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalsText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ValidatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ValidatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationReports_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "cadre_ase",
                column: "Permissions",
                value: 86998981);

            migrationBuilder.InsertData(
                table: "AccessRoles",
                columns: new[] { "Code", "ConcernAuthorAccess", "Description", "HealthAccess", "IdentityAccess", "JudicialAccess", "Name", "Permissions", "Scope", "SocialAccess" },
                values: new object[] { "court_clerk", 0, "Reçoit les rapports transmis à sa juridiction, les ouvre et en accuse réception ; n'accède pas aux dossiers.", 0, 0, 0, "Juge des enfants / greffe", 33554432, 0, 0 });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_PlanGoalId",
                table: "JournalEntries",
                column: "PlanGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTransmissions_ChildId",
                table: "DocumentTransmissions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTransmissions_DocumentId",
                table: "DocumentTransmissions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTransmissions_RecipientServiceId_SentAt",
                table: "DocumentTransmissions",
                columns: new[] { "RecipientServiceId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SituationReports_ChildId_PeriodTo",
                table: "SituationReports",
                columns: new[] { "ChildId", "PeriodTo" });

            migrationBuilder.AddForeignKey(
                name: "FK_JournalEntries_PlanGoals_PlanGoalId",
                table: "JournalEntries",
                column: "PlanGoalId",
                principalTable: "PlanGoals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JournalEntries_PlanGoals_PlanGoalId",
                table: "JournalEntries");

            migrationBuilder.DropTable(
                name: "DocumentTransmissions");

            migrationBuilder.DropTable(
                name: "SituationReports");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_PlanGoalId",
                table: "JournalEntries");

            migrationBuilder.DeleteData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "court_clerk");

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "cadre_ase",
                column: "Permissions",
                value: 19890117);
        }
    }
}
