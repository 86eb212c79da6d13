using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DepartementListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_ResponsibleDepartementCode",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_ResponsibleDepartementCode_SearchKey_Id",
                table: "Children",
                columns: new[] { "ResponsibleDepartementCode", "SearchKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_ResponsibleDepartementCode_SearchKey_Id",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_ResponsibleDepartementCode",
                table: "Children",
                column: "ResponsibleDepartementCode");
        }
    }
}
