using Ariane.Core.Children;
using Ariane.Core.Concerns;
using Ariane.Core.Documents;
using Ariane.Core.Journal;
using Ariane.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> builder)
    {
        builder.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.DepartementCode).HasMaxLength(3);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.FileKey).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.GeneratedByName).HasMaxLength(200);
        // Every generation is a new number per kind and source: two at once cannot take the same one.
        builder.HasIndex(d => new { d.Kind, d.SourceId, d.Number, d.ChildId }).IsUnique();
        // A child's documents on their record.
        builder.HasIndex(d => d.ChildId);
        builder.HasIndex(d => d.GenerationId);
    }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> builder)
    {
        builder.Property(t => t.DepartementCode).HasMaxLength(3);
        builder.Property(t => t.HeaderText).HasMaxLength(500);
        builder.Property(t => t.FooterText).HasMaxLength(500);
        builder.Property(t => t.LogoFileKey).HasMaxLength(100);
        builder.Property(t => t.Wording).HasMaxLength(20000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.DepartementCode, t.Kind }).IsUnique();
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Concern>().WithMany().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.FileKey).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedByName).HasMaxLength(200);
        builder.HasOne<JournalEntry>().WithMany().HasForeignKey(a => a.JournalEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChildPlanVersion>().WithMany().HasForeignKey(a => a.PlanVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ChildId);
        builder.HasIndex(a => a.JournalEntryId);
        builder.HasIndex(a => a.PlanVersionId);
    }
}
