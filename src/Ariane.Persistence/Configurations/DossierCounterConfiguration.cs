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
        builder.Property(c => c.DepartementCode).HasMaxLength(3);
    }
}
