using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ariane.Persistence.Postgres.Migrations
{
    /// <summary>
    /// Nothing to add on PostgreSQL: the Initial migration's row triggers already refuse
    /// INSERT ... ON CONFLICT DO UPDATE and both MERGE branches (AuditAppendOnlyTests proves each statement).
    /// The migration exists so that both providers keep the same history.
    /// </summary>
    public partial class AuditNoReplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
