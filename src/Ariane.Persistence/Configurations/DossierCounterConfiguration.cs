using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class DossierCounterConfiguration : IEntityTypeConfiguration<DossierCounter>
{
    public void Configure(EntityTypeBuilder<DossierCounter> builder)
    {
        // DossierNumbering writes this table in raw SQL, the same on both providers: keep the names as they are.
        builder.ToTable("DossierCounters");
        builder.HasKey(c => new { c.DepartementCode, c.Year });
        // « 99 » for dossier numbers, « IP99 » for the CRIP's numbers (ConcernNumbering).
        builder.Property(c => c.DepartementCode).HasMaxLength(8);
    }
}
