using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MeasuresPlacements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsProtected",
                table: "Children",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ChildProtections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SetByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SetByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LiftedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    LiftedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LiftReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtections_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Facilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    PlaceKind = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    FosterCarerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Finess = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    FinessCategory = table.Column<int>(type: "integer", nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    AgreementNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AgreementValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishesPlaces = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Facilities_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    KindCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Framework = table.Column<int>(type: "integer", nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Authority = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CarriedOutByServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferentUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ParentalAgreementOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithoutParentalConsent = table.Column<bool>(type: "boolean", nullable: false),
                    FollowsAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<int>(type: "integer", nullable: true),
                    LiftReason = table.Column<int>(type: "integer", nullable: true),
                    EndNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_Services_CarriedOutByServiceId",
                        column: x => x.CarriedOutByServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlacementRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RequestedByServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CareType = table.Column<int>(type: "integer", nullable: false),
                    WantedFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildAgeYears = table.Column<int>(type: "integer", nullable: false),
                    ChildSex = table.Column<int>(type: "integer", nullable: false),
                    SiblingsTogether = table.Column<int>(type: "integer", nullable: false),
                    Needs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementRequests_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementRequests_Services_RequestedByServiceId",
                        column: x => x.RequestedByServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FacilityCapacities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CareType = table.Column<int>(type: "integer", nullable: false),
                    AgeMinYears = table.Column<int>(type: "integer", nullable: false),
                    AgeMaxYears = table.Column<int>(type: "integer", nullable: false),
                    AcceptedSex = table.Column<int>(type: "integer", nullable: false),
                    Installed = table.Column<int>(type: "integer", nullable: false),
                    Supplementary = table.Column<int>(type: "integer", nullable: false),
                    Reserved = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    Occupied = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false),
                    Available = table.Column<int>(type: "integer", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacilityCapacities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FacilityCapacities_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactRights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Terms = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRights_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactRights_LinkedPersons_LinkedPersonId",
                        column: x => x.LinkedPersonId,
                        principalTable: "LinkedPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactRights_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasureDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CoversUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Court = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JudgeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureDecisions_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlacementRequestTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CapacityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementRequestTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementRequestTargets_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementRequestTargets_FacilityCapacities_CapacityId",
                        column: x => x.CapacityId,
                        principalTable: "FacilityCapacities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlacementRequestTargets_PlacementRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "PlacementRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlaceKind = table.Column<int>(type: "integer", nullable: false),
                    CareType = table.Column<int>(type: "integer", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    CapacityId = table.Column<Guid>(type: "uuid", nullable: true),
                    HostPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlaceLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Placements_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_FacilityCapacities_CapacityId",
                        column: x => x.CapacityId,
                        principalTable: "FacilityCapacities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_LinkedPersons_HostPersonId",
                        column: x => x.HostPersonId,
                        principalTable: "LinkedPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "cadre_ase",
                column: "Permissions",
                value: 3112901);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "crip_agent",
                column: "Permissions",
                value: 548097);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "head_of_service",
                column: "Permissions",
                value: 1048962);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "observatory",
                column: "Permissions",
                value: 4194304);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "referent_ase",
                column: "Permissions",
                value: 623491);

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtections_ChildId",
                table: "ChildProtections",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRights_ChildId",
                table: "ContactRights",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRights_LinkedPersonId",
                table: "ContactRights",
                column: "LinkedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRights_MeasureId",
                table: "ContactRights",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_DepartementCode_Name",
                table: "Facilities",
                columns: new[] { "DepartementCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_FosterCarerUserId",
                table: "Facilities",
                column: "FosterCarerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_ServiceId",
                table: "Facilities",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_FacilityCapacities_FacilityId",
                table: "FacilityCapacities",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_FacilityCapacities_Published_Available_Id",
                table: "FacilityCapacities",
                columns: new[] { "Published", "Available", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FacilityCapacities_Published_CareType_DepartementCode_Avail~",
                table: "FacilityCapacities",
                columns: new[] { "Published", "CareType", "DepartementCode", "Available", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureDecisions_ChildId",
                table: "MeasureDecisions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureDecisions_MeasureId",
                table: "MeasureDecisions",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_CarriedOutByServiceId_State_DecidedOn_Id",
                table: "Measures",
                columns: new[] { "CarriedOutByServiceId", "State", "DecidedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_ChildId",
                table: "Measures",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_DepartementCode_State_PlannedEndOn_Id",
                table: "Measures",
                columns: new[] { "DepartementCode", "State", "PlannedEndOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRequests_ChildId_CreatedAt",
                table: "PlacementRequests",
                columns: new[] { "ChildId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRequests_RequestedByServiceId_CreatedAt",
                table: "PlacementRequests",
                columns: new[] { "RequestedByServiceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRequestTargets_CapacityId",
                table: "PlacementRequestTargets",
                column: "CapacityId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRequestTargets_ChildId",
                table: "PlacementRequestTargets",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRequestTargets_FacilityId_Status_UpdatedAt",
                table: "PlacementRequestTargets",
                columns: new[] { "FacilityId", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRequestTargets_RequestId_FacilityId",
                table: "PlacementRequestTargets",
                columns: new[] { "RequestId", "FacilityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Placements_CapacityId_EndsOn",
                table: "Placements",
                columns: new[] { "CapacityId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ChildId_StartsOn",
                table: "Placements",
                columns: new[] { "ChildId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_FacilityId_EndsOn",
                table: "Placements",
                columns: new[] { "FacilityId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_HostPersonId",
                table: "Placements",
                column: "HostPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_MeasureId",
                table: "Placements",
                column: "MeasureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildProtections");

            migrationBuilder.DropTable(
                name: "ContactRights");

            migrationBuilder.DropTable(
                name: "MeasureDecisions");

            migrationBuilder.DropTable(
                name: "PlacementRequestTargets");

            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "PlacementRequests");

            migrationBuilder.DropTable(
                name: "FacilityCapacities");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "Facilities");

            migrationBuilder.DropColumn(
                name: "IsProtected",
                table: "Children");

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
                keyValue: "head_of_service",
                column: "Permissions",
                value: 386);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "observatory",
                column: "Permissions",
                value: 0);

            migrationBuilder.UpdateData(
                table: "AccessRoles",
                keyColumn: "Code",
                keyValue: "referent_ase",
                column: "Permissions",
                value: 33667);
        }
    }
}
