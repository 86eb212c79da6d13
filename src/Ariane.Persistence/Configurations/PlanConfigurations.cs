using Ariane.Core.Children;
using Ariane.Core.Organisations;
using Ariane.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class ChildPlanConfiguration : IEntityTypeConfiguration<ChildPlan>
{
    public void Configure(EntityTypeBuilder<ChildPlan> builder)
    {
        foreach (var text in new[] { nameof(ChildPlan.TrustedPerson), nameof(ChildPlan.Siblings), nameof(ChildPlan.AutonomyProject),
                     nameof(ChildPlan.ChildView), nameof(ChildPlan.ParentsView), nameof(ChildPlan.ThirdPartiesView) })
        {
            builder.Property(text).HasMaxLength(ChildPlan.TextMaxLength);
        }

        builder.Property(p => p.UpdatedByName).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        // One living plan per child: two people creating it at once get one plan, not two.
        builder.HasIndex(p => p.ChildId).IsUnique();
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        builder.Property(g => g.DomainCode).HasMaxLength(10);
        builder.Property(g => g.Title).HasMaxLength(PlanGoal.TitleMaxLength);
        builder.Property(g => g.Description).HasMaxLength(ChildPlan.TextMaxLength);
        builder.Property(g => g.OwnerServiceName).HasMaxLength(200);
        builder.Property(g => g.CreatedByName).HasMaxLength(200);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne<ChildPlan>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(g => g.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.PlanId, g.StartsOn });
        builder.HasIndex(g => g.ChildId);
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(PlanGoal.TitleMaxLength);
        builder.Property(a => a.PersonInCharge).HasMaxLength(200);
        builder.Property(a => a.OwnerServiceName).HasMaxLength(200);
        builder.Property(a => a.CreatedByName).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<ChildPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanGoal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(a => a.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PlanId, a.StartsOn });
        builder.HasIndex(a => a.GoalId);
        builder.HasIndex(a => a.ChildId);
    }
}

internal sealed class ChildPlanVersionConfiguration : IEntityTypeConfiguration<ChildPlanVersion>
{
    public void Configure(EntityTypeBuilder<ChildPlanVersion> builder)
    {
        builder.Property(v => v.ValidatedByName).HasMaxLength(200);
        builder.HasOne<ChildPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        // Two validations at once: one number each, never the same twice.
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        builder.HasIndex(v => v.ChildId);
    }
}

internal sealed class PlanSignatureConfiguration : IEntityTypeConfiguration<PlanSignature>
{
    public void Configure(EntityTypeBuilder<PlanSignature> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.RecordedByName).HasMaxLength(200);
        builder.HasOne<ChildPlanVersion>().WithMany().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.VersionId);
        builder.HasIndex(s => s.ChildId);
    }
}
