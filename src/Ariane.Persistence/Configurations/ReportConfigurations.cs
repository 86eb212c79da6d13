using Ariane.Core.Children;
using Ariane.Core.Documents;
using Ariane.Core.Organisations;
using Ariane.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class SituationReportConfiguration : IEntityTypeConfiguration<SituationReport>
{
    public void Configure(EntityTypeBuilder<SituationReport> builder)
    {
        foreach (var text in new[] { nameof(SituationReport.EvaluationDevelopment), nameof(SituationReport.EvaluationRelations), nameof(SituationReport.EvaluationSchooling),
                     nameof(SituationReport.EvaluationAutonomy), nameof(SituationReport.PlanAssessment), nameof(SituationReport.ProposalsText) })
        {
            builder.Property(text).HasMaxLength(SituationReport.TextMaxLength);
        }

        builder.Property(r => r.AuthorName).HasMaxLength(200);
        builder.Property(r => r.ValidatedByName).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ChildId, r.PeriodTo });
    }
}

internal sealed class DocumentTransmissionConfiguration : IEntityTypeConfiguration<DocumentTransmission>
{
    public void Configure(EntityTypeBuilder<DocumentTransmission> builder)
    {
        builder.Property(t => t.DocumentName).HasMaxLength(300);
        builder.Property(t => t.RecipientName).HasMaxLength(300);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.Property(t => t.SentByName).HasMaxLength(200);
        builder.Property(t => t.OpenedByName).HasMaxLength(200);
        builder.Property(t => t.AcknowledgedByName).HasMaxLength(200);
        builder.HasOne<Child>().WithMany().HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GeneratedDocument>().WithMany().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(t => t.RecipientServiceId).OnDelete(DeleteBehavior.Restrict);
        // The court's inbox, newest first.
        builder.HasIndex(t => new { t.RecipientServiceId, t.SentAt });
        builder.HasIndex(t => t.DocumentId);
        builder.HasIndex(t => t.ChildId);
    }
}

internal sealed class FollowUpDeadlineConfiguration : IEntityTypeConfiguration<FollowUpDeadline>
{
    public void Configure(EntityTypeBuilder<FollowUpDeadline> builder)
    {
        builder.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.DepartementCode).HasMaxLength(3);
        builder.HasIndex(d => new { d.ChildId, d.Kind }).IsUnique();
        // The board: a département's due dates in order, read by keyset on (due on, id).
        builder.HasIndex(d => new { d.DepartementCode, d.DueOn, d.Id });
    }
}
