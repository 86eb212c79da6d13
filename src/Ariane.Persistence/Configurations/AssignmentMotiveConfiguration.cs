using Ariane.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class AssignmentMotiveConfiguration : IEntityTypeConfiguration<AssignmentMotive>
{
    public void Configure(EntityTypeBuilder<AssignmentMotive> builder)
    {
        builder.ToTable("AssignmentMotives");
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(50);
        builder.Property(m => m.Label).HasMaxLength(200);
        builder.HasData(AssignmentMotiveCatalogue.Defaults);
        // A motive in use is withdrawn (IsActive), never deleted: the assignments keep their history.
        builder.HasMany<ServiceAssignment>().WithOne(a => a.Motive).HasForeignKey(a => a.MotiveCode).OnDelete(DeleteBehavior.Restrict);
    }
}
