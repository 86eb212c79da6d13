using Ariane.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("AuditRecords");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedNever();
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.EntityType).HasMaxLength(100);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.IpAddress).HasMaxLength(64);
        builder.Property(r => r.CorrelationId).HasMaxLength(64);
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.Hash).HasMaxLength(64);
        builder.Property(r => r.Chain).HasMaxLength(16);
        builder.Property(r => r.KeyId).HasMaxLength(32);
        // Each chain is walked, and its tail read, in this order (docs/decisions/0008-audit-chains.md).
        builder.HasIndex(r => new { r.Chain, r.ChainSequence }).IsUnique();
        builder.HasIndex(r => new { r.ChildId, r.Sequence });
        builder.HasIndex(r => new { r.UserId, r.Sequence });
        builder.HasIndex(r => r.OccurredAt);
        // Written by AuditChain with the sequence it assigns (no navigation, no foreign key).
        builder.Ignore(r => r.ListedChildren);
    }
}

internal sealed class AuditListedChildConfiguration : IEntityTypeConfiguration<AuditListedChild>
{
    public void Configure(EntityTypeBuilder<AuditListedChild> builder)
    {
        builder.ToTable("AuditListedChildren");
        builder.HasKey(l => new { l.AuditSequence, l.ChildId });
        // "Where did this child appear", newest first: the access log's keyset.
        builder.HasIndex(l => new { l.ChildId, l.AuditSequence });
    }
}
