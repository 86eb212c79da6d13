using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Crip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "DepartementCode",
                table: "DossierCounters",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3);

            migrationBuilder.CreateTable(
                name: "AssessmentFrameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Definition = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFrameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Concerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ReceivedByServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    TransmitterCode = table.Column<int>(type: "integer", nullable: false),
                    OriginCode = table.Column<int>(type: "integer", nullable: false),
                    Dangers = table.Column<int>(type: "integer", nullable: false),
                    FamilyDifficulties = table.Column<int>(type: "integer", nullable: false),
                    GraveDanger = table.Column<bool>(type: "boolean", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Qualification = table.Column<int>(type: "integer", nullable: true),
                    QualifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QualifiedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    QualifiedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProsecutorReferralOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProsecutorReferralReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    JudgeInformedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    QualificationNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Concerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Concerns_Services_ReceivedByServiceId",
                        column: x => x.ReceivedByServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HomeVisits = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ParentsInformedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParentsNotInformedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChildView = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ParentsView = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ProfessionalsView = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Conclusion = table.Column<int>(type: "integer", nullable: true),
                    ConclusionArgument = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParentsNotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcludedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConcludedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ValidatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ValidatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ValidatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowUpMeasureId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_AssessmentFrameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "AssessmentFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcernAdults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstNames = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Relation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernAdults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernAdults_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConcernChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernChildren_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConcernChildren_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConcernReporters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsProtected = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Capacity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernReporters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernReporters_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    DomainCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CriterionCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Answer = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAnswers_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentAnswers_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    NamedInConcern = table.Column<bool>(type: "boolean", nullable: false),
                    MetAloneOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentChildren_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentChildren_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentEvaluators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentEvaluators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentEvaluators_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PracticalSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthObservations_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HealthObservations_Children_ChildId",
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
                value: 32709);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "crip_agent",
                column: "Permissions",
                value: 23809);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "evaluator",
                column: "Permissions",
                value: 32768);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "health_professional",
                column: "Permissions",
                value: 32770);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "referent_ase",
                column: "Permissions",
                value: 33667);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAnswers_AssessmentId_ChildId_CriterionCode",
                table: "AssessmentAnswers",
                columns: new[] { "AssessmentId", "ChildId", "CriterionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAnswers_ChildId",
                table: "AssessmentAnswers",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentChildren_AssessmentId_ChildId",
                table: "AssessmentChildren",
                columns: new[] { "AssessmentId", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentChildren_ChildId",
                table: "AssessmentChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentEvaluators_AssessmentId_UserId",
                table: "AssessmentEvaluators",
                columns: new[] { "AssessmentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentEvaluators_UserId",
                table: "AssessmentEvaluators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFrameworks_DepartementCode_Code_Version",
                table: "AssessmentFrameworks",
                columns: new[] { "DepartementCode", "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ConcernId",
                table: "Assessments",
                column: "ConcernId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_FrameworkId",
                table: "Assessments",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ServiceId",
                table: "Assessments",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernAdults_ConcernId",
                table: "ConcernAdults",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernChildren_ChildId",
                table: "ConcernChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernChildren_ConcernId_ChildId",
                table: "ConcernChildren",
                columns: new[] { "ConcernId", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConcernReporters_ConcernId",
                table: "ConcernReporters",
                column: "ConcernId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_DepartementCode_State_DueOn_Id",
                table: "Concerns",
                columns: new[] { "DepartementCode", "State", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_Number",
                table: "Concerns",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_ReceivedByServiceId",
                table: "Concerns",
                column: "ReceivedByServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthObservations_AssessmentId_ChildId",
                table: "HealthObservations",
                columns: new[] { "AssessmentId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthObservations_ChildId",
                table: "HealthObservations",
                column: "ChildId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAnswers");

            migrationBuilder.DropTable(
                name: "AssessmentChildren");

            migrationBuilder.DropTable(
                name: "AssessmentEvaluators");

            migrationBuilder.DropTable(
                name: "ConcernAdults");

            migrationBuilder.DropTable(
                name: "ConcernChildren");

            migrationBuilder.DropTable(
                name: "ConcernReporters");

            migrationBuilder.DropTable(
                name: "HealthObservations");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "AssessmentFrameworks");

            migrationBuilder.DropTable(
                name: "Concerns");

            migrationBuilder.AlterColumn<string>(
                name: "DepartementCode",
                table: "DossierCounters",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "cadre_ase",
                column: "Permissions",
                value: 1989);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "crip_agent",
                column: "Permissions",
                value: 1281);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "evaluator",
                column: "Permissions",
                value: 0);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "health_professional",
                column: "Permissions",
                value: 2);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "referent_ase",
                column: "Permissions",
                value: 899);
        }
    }
}
