using Ariane.Core.Children;
using Ariane.Core.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.Property(e => e.Fact).HasMaxLength(JournalRules.FactMaxLength);
        builder.Property(e => e.Assessment).HasMaxLength(JournalRules.AssessmentMaxLength);
        builder.Property(e => e.PracticalSummary).HasMaxLength(JournalRules.PracticalSummaryMaxLength);
        builder.Property(e => e.AuthorName).HasMaxLength(200);
        builder.Property(e => e.AuthorServiceName).HasMaxLength(200);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Plans.PlanGoal>().WithMany().HasForeignKey(e => e.PlanGoalId).OnDelete(DeleteBehavior.Restrict);
        // The timeline: a child's entries newest first, read by keyset, so that 10,000 entries open like 10
        // (docs/performance.md, Journal).
        builder.HasIndex(e => new { e.ChildId, e.OccurredAt, e.Id });
    }
}
