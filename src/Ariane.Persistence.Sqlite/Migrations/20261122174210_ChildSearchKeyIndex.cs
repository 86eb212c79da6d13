using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildSearchKeyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_SearchKey",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_SearchKey_Id",
                table: "Children",
                columns: new[] { "SearchKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_SearchKey_Id",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_SearchKey",
                table: "Children",
                column: "SearchKey");
        }
    }
}
