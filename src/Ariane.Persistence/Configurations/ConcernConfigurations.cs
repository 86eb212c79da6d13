using Ariane.Core.Assessments;
using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(24);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.DepartementCode).HasMaxLength(3);
        builder.Property(c => c.Narrative).HasMaxLength(Concern.NarrativeMaxLength);
        builder.Property(c => c.QualifiedByName).HasMaxLength(200);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.Property(c => c.ProsecutorReferralReason).HasMaxLength(2000);
        builder.Property(c => c.QualificationNote).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Service>().WithMany().HasForeignKey(c => c.ReceivedByServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Children).WithOne().HasForeignKey(c => c.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Adults).WithOne(a => a.Concern).HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Cascade);
        // The CRIP dashboard: one département's IPs by state, overdue first, paged on (DueOn, Id).
        builder.HasIndex(c => new { c.DepartementCode, c.State, c.DueOn, c.Id });
    }
}

internal sealed class ConcernChildConfiguration : IEntityTypeConfiguration<ConcernChild>
{
    public void Configure(EntityTypeBuilder<ConcernChild> builder)
    {
        builder.HasOne(c => c.Child).WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ConcernId, c.ChildId }).IsUnique();
        // A child's IPs on their record.
        builder.HasIndex(c => c.ChildId);
    }
}

internal sealed class ConcernAdultConfiguration : IEntityTypeConfiguration<ConcernAdult>
{
    public void Configure(EntityTypeBuilder<ConcernAdult> builder)
    {
        builder.Property(a => a.LastName).HasMaxLength(100);
        builder.Property(a => a.FirstNames).HasMaxLength(150);
        builder.Property(a => a.Relation).HasMaxLength(100);
        builder.Property(a => a.Phone).HasMaxLength(30);
        builder.Property(a => a.Address).HasMaxLength(300);
    }
}

internal sealed class ConcernReporterConfiguration : IEntityTypeConfiguration<ConcernReporter>
{
    public void Configure(EntityTypeBuilder<ConcernReporter> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Capacity).HasMaxLength(200);
        builder.Property(r => r.Phone).HasMaxLength(30);
        builder.Property(r => r.Email).HasMaxLength(200);
        builder.HasOne(r => r.Concern).WithOne().HasForeignKey<ConcernReporter>(r => r.ConcernId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.DepartementCode).HasMaxLength(3);
        builder.Property(a => a.HomeVisits).HasMaxLength(500);
        builder.Property(a => a.ParentsNotInformedReason).HasMaxLength(2000);
        builder.Property(a => a.ChildView).HasMaxLength(Assessment.TextMaxLength);
        builder.Property(a => a.ParentsView).HasMaxLength(Assessment.TextMaxLength);
        builder.Property(a => a.ProfessionalsView).HasMaxLength(Assessment.TextMaxLength);
        builder.Property(a => a.ConclusionArgument).HasMaxLength(Assessment.TextMaxLength);
        builder.Property(a => a.ConcludedByName).HasMaxLength(200);
        builder.Property(a => a.ValidatedByName).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // One evaluation per IP.
        builder.HasOne(a => a.Concern).WithOne().HasForeignKey<Assessment>(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Framework).WithMany().HasForeignKey(a => a.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Children).WithOne().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Evaluators).WithOne(e => e.Assessment).HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentChildConfiguration : IEntityTypeConfiguration<AssessmentChild>
{
    public void Configure(EntityTypeBuilder<AssessmentChild> builder)
    {
        builder.HasOne(c => c.Child).WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AssessmentId, c.ChildId }).IsUnique();
        builder.HasIndex(c => c.ChildId);
    }
}

internal sealed class AssessmentEvaluatorConfiguration : IEntityTypeConfiguration<AssessmentEvaluator>
{
    public void Configure(EntityTypeBuilder<AssessmentEvaluator> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.HasIndex(e => new { e.AssessmentId, e.UserId }).IsUnique();
        // « My evaluations » on the dashboard.
        builder.HasIndex(e => e.UserId);
    }
}

internal sealed class AssessmentAnswerConfiguration : IEntityTypeConfiguration<AssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswer> builder)
    {
        builder.Property(a => a.DomainCode).HasMaxLength(64);
        builder.Property(a => a.CriterionCode).HasMaxLength(64);
        builder.Property(a => a.Comment).HasMaxLength(AssessmentAnswer.CommentMaxLength);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AssessmentId, a.ChildId, a.CriterionCode }).IsUnique();
        builder.HasIndex(a => a.ChildId);
    }
}

internal sealed class HealthObservationConfiguration : IEntityTypeConfiguration<HealthObservation>
{
    public void Configure(EntityTypeBuilder<HealthObservation> builder)
    {
        builder.Property(h => h.Content).HasMaxLength(Assessment.TextMaxLength);
        builder.Property(h => h.PracticalSummary).HasMaxLength(500);
        builder.Property(h => h.AuthorName).HasMaxLength(200);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(h => h.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Child>().WithMany().HasForeignKey(h => h.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.AssessmentId, h.ChildId });
        builder.HasIndex(h => h.ChildId);
    }
}

internal sealed class AssessmentFrameworkConfiguration : IEntityTypeConfiguration<AssessmentFramework>
{
    public void Configure(EntityTypeBuilder<AssessmentFramework> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.Property(f => f.Version).HasMaxLength(64);
        builder.Property(f => f.Title).HasMaxLength(300);
        builder.Property(f => f.DepartementCode).HasMaxLength(3);
        builder.Property(f => f.Definition).HasMaxLength(200_000);
        // A version is loaded once per département (or once for the platform's default, DepartementCode null).
        builder.HasIndex(f => new { f.DepartementCode, f.Code, f.Version }).IsUnique();
    }
}
