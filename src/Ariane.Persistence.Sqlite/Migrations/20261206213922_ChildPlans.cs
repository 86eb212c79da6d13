using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrustedPerson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HealthCheckOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Siblings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AutonomyProject = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChildView = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ParentsView = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ThirdPartiesView = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ValidatedNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildPlans_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildPlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    ValidatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ValidatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildPlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildPlanVersions_ChildPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DomainCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    For = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerServiceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_ChildPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanGoals_Services_OwnerServiceId",
                        column: x => x.OwnerServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSignatures_ChildPlanVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ChildPlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonInCharge = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerServiceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActions_ChildPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "ChildPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanActions_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanActions_Services_OwnerServiceId",
                        column: x => x.OwnerServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "cadre_ase",
                column: "Permissions",
                value: 19890117);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "health_professional",
                column: "Permissions",
                value: 8421378);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "partner",
                column: "Permissions",
                value: 8388608);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "referent_ase",
                column: "Permissions",
                value: 17400707);

            migrationBuilder.CreateIndex(
                name: "IX_ChildPlans_ChildId",
                table: "ChildPlans",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildPlanVersions_ChildId",
                table: "ChildPlanVersions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildPlanVersions_PlanId_Number",
                table: "ChildPlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_ChildId",
                table: "PlanActions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_GoalId",
                table: "PlanActions",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerServiceId",
                table: "PlanActions",
                column: "OwnerServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_PlanId_StartsOn",
                table: "PlanActions",
                columns: new[] { "PlanId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_ChildId",
                table: "PlanGoals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_OwnerServiceId",
                table: "PlanGoals",
                column: "OwnerServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_StartsOn",
                table: "PlanGoals",
                columns: new[] { "PlanId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSignatures_ChildId",
                table: "PlanSignatures",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSignatures_VersionId",
                table: "PlanSignatures",
                column: "VersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "PlanSignatures");

            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropTable(
                name: "ChildPlanVersions");

            migrationBuilder.DropTable(
                name: "ChildPlans");

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "cadre_ase",
                column: "Permissions",
                value: 3112901);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "health_professional",
                column: "Permissions",
                value: 32770);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "partner",
                column: "Permissions",
                value: 0);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "referent_ase",
                column: "Permissions",
                value: 623491);
        }
    }
}
