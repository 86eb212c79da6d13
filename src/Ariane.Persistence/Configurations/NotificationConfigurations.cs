using Ariane.Core.Jobs;
using Ariane.Core.Notifications;
using Ariane.Persistence.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.DedupKey).HasMaxLength(Notification.DedupKeyMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Notification>().WithMany().HasForeignKey(n => n.DigestId).OnDelete(DeleteBehavior.Cascade);
        // A job run twice writes nothing new: the second insert is refused.
        builder.HasIndex(n => new { n.RecipientId, n.DedupKey }).IsUnique();
        // The bell on every page: one COUNT of the unread, delivered notifications of one user.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.VisibleFrom });
        // The list, newest first, paged on (VisibleFrom, Id).
        builder.HasIndex(n => new { n.RecipientId, n.VisibleFrom, n.Id });
        builder.HasIndex(n => n.DigestId);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.UserId).IsUnique();
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.JobName).HasMaxLength(JobRun.NameMaxLength);
        builder.Property(r => r.RunKey).HasMaxLength(JobRun.RunKeyMaxLength);
        builder.Property(r => r.ErrorType).HasMaxLength(200);
        // One run per job and period: the claim that makes a second start impossible.
        builder.HasIndex(r => new { r.JobName, r.RunKey }).IsUnique();
        builder.HasIndex(r => r.StartedAt);
    }
}
