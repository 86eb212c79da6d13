using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ChildProtections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SetByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LiftedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PlaceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FosterCarerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Finess = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    FinessCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AgreementNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AgreementValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishesPlaces = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Framework = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Authority = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CarriedOutByServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferentUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentalAgreementOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithoutParentalConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowsAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<int>(type: "INTEGER", nullable: true),
                    LiftReason = table.Column<int>(type: "INTEGER", nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RequestedByServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CareType = table.Column<int>(type: "INTEGER", nullable: false),
                    WantedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildAgeYears = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildSex = table.Column<int>(type: "INTEGER", nullable: false),
                    SiblingsTogether = table.Column<int>(type: "INTEGER", nullable: false),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CareType = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeMinYears = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeMaxYears = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedSex = table.Column<int>(type: "INTEGER", nullable: false),
                    Installed = table.Column<int>(type: "INTEGER", nullable: false),
                    Supplementary = table.Column<int>(type: "INTEGER", nullable: false),
                    Reserved = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    Occupied = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    Available = table.Column<int>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoversUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JudgeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CapacityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlaceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    CareType = table.Column<int>(type: "INTEGER", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CapacityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HostPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlaceLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IX_FacilityCapacities_Published_CareType_DepartementCode_Available_Id",
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
