using Ariane.Core.Children;
using Ariane.Core.Facilities;
using Ariane.Core.Measures;
using Ariane.Core.Organisations;
using Ariane.Core.Placements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.DepartementCode).HasMaxLength(3);
        builder.Property(m => m.KindCode).HasMaxLength(40);
        builder.Property(m => m.LegalBasis).HasMaxLength(100);
        builder.Property(m => m.EndNote).HasMaxLength(2000);
        builder.Property(m => m.RecordedByName).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Kind);
        builder.HasOne<Child>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(m => m.CarriedOutByServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.ChildId);
        // Échéances of a département's measures in force, soonest first; the waiting list per service.
        builder.HasIndex(m => new { m.DepartementCode, m.State, m.PlannedEndOn, m.Id });
        builder.HasIndex(m => new { m.CarriedOutByServiceId, m.State, m.DecidedOn, m.Id });
    }
}

internal sealed class MeasureDecisionConfiguration : IEntityTypeConfiguration<MeasureDecision>
{
    public void Configure(EntityTypeBuilder<MeasureDecision> builder)
    {
        builder.Property(d => d.Court).HasMaxLength(200);
        builder.Property(d => d.JudgeName).HasMaxLength(200);
        builder.Property(d => d.Reference).HasMaxLength(100);
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.Property(d => d.RecordedByName).HasMaxLength(200);
        builder.HasIndex(d => d.ChildId);
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.Property(p => p.PlaceLabel).HasMaxLength(200);
        builder.Property(p => p.Reason).HasMaxLength(2000);
        builder.Property(p => p.EndReason).HasMaxLength(2000);
        builder.Property(p => p.RecordedByName).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FacilityCapacity>().WithMany().HasForeignKey(p => p.CapacityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LinkedPerson>().WithMany().HasForeignKey(p => p.HostPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ChildId, p.StartsOn });
        // Occupancy: a capacity line's current stays.
        builder.HasIndex(p => new { p.CapacityId, p.EndsOn });
        builder.HasIndex(p => new { p.FacilityId, p.EndsOn });
    }
}

internal sealed class ContactRightConfiguration : IEntityTypeConfiguration<ContactRight>
{
    public void Configure(EntityTypeBuilder<ContactRight> builder)
    {
        builder.Property(c => c.Source).HasMaxLength(300);
        builder.Property(c => c.Terms).HasMaxLength(1000);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LinkedPerson>().WithMany().HasForeignKey(c => c.LinkedPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Measure>().WithMany().HasForeignKey(c => c.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ChildId);
    }
}

internal sealed class ChildProtectionConfiguration : IEntityTypeConfiguration<ChildProtection>
{
    public void Configure(EntityTypeBuilder<ChildProtection> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.LiftReason).HasMaxLength(2000);
        builder.Property(c => c.SetByName).HasMaxLength(200);
        builder.Property(c => c.LiftedByName).HasMaxLength(200);
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ChildId);
    }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.DepartementCode).HasMaxLength(3);
        builder.Property(f => f.Finess).HasMaxLength(9);
        builder.Property(f => f.PostalCode).HasMaxLength(5);
        builder.Property(f => f.City).HasMaxLength(100);
        builder.Property(f => f.ContactName).HasMaxLength(200);
        builder.Property(f => f.ContactPhone).HasMaxLength(30);
        builder.Property(f => f.AgreementNumber).HasMaxLength(50);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<Service>().WithMany().HasForeignKey(f => f.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Capacities).WithOne(c => c.Facility).HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ServiceId);
        builder.HasIndex(f => f.FosterCarerUserId);
        builder.HasIndex(f => new { f.DepartementCode, f.Name });
    }
}

internal sealed class FacilityCapacityConfiguration : IEntityTypeConfiguration<FacilityCapacity>
{
    public void Configure(EntityTypeBuilder<FacilityCapacity> builder)
    {
        builder.Property(c => c.DepartementCode).HasMaxLength(3);
        builder.Property(c => c.UpdatedByName).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // The places board: published lines with a free place, by type of care, département, paged on Id.
        builder.HasIndex(c => new { c.Published, c.CareType, c.DepartementCode, c.Available, c.Id });
        builder.HasIndex(c => new { c.Published, c.Available, c.Id });
    }
}

internal sealed class PlacementRequestConfiguration : IEntityTypeConfiguration<PlacementRequest>
{
    public void Configure(EntityTypeBuilder<PlacementRequest> builder)
    {
        builder.Property(r => r.DepartementCode).HasMaxLength(3);
        builder.Property(r => r.RequestedByName).HasMaxLength(200);
        builder.Property(r => r.ContactPhone).HasMaxLength(30);
        builder.Property(r => r.Needs).HasMaxLength(PlacementRequest.NeedsMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(r => r.RequestedByServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Targets).WithOne(t => t.Request).HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ChildId, r.CreatedAt });
        builder.HasIndex(r => new { r.RequestedByServiceId, r.CreatedAt });
    }
}

internal sealed class PlacementRequestTargetConfiguration : IEntityTypeConfiguration<PlacementRequestTarget>
{
    public void Configure(EntityTypeBuilder<PlacementRequestTarget> builder)
    {
        builder.Property(t => t.StatusNote).HasMaxLength(2000);
        builder.Property(t => t.UpdatedByName).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Facility).WithMany().HasForeignKey(t => t.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FacilityCapacity>().WithMany().HasForeignKey(t => t.CapacityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.RequestId, t.FacilityId }).IsUnique();
        // A facility's inbox of requests, open ones first.
        builder.HasIndex(t => new { t.FacilityId, t.Status, t.UpdatedAt });
        builder.HasIndex(t => t.ChildId);
    }
}
