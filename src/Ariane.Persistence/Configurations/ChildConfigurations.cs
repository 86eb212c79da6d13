using Ariane.Core.Access;
using Ariane.Core.Children;
using Ariane.Persistence.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariane.Persistence.Configurations;

internal static class FieldLengths
{
    public const int Name = 100;
    public const int FirstNames = 200;
    public const int Place = 200;
    public const int Phone = 30;
    public const int Email = 254;
    public const int Line = 300;
    public const int PostalCode = 10;
    public const int Notes = 2000;
    public const int Reason = 1000;
}

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> builder)
    {
        builder.Ignore(c => c.ChildId);
        builder.Ignore(c => c.DisplayName);
        builder.Property(c => c.BirthName).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.UsageName).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.FirstNames).HasMaxLength(FieldLengths.FirstNames);
        builder.Property(c => c.BirthPlace).HasMaxLength(FieldLengths.Place);
        builder.Property(c => c.Nationality).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.Ins).HasMaxLength(15);
        // The tenancy key: every département-scope list filters on it, and reads a département's children in
        // the keyset order (SearchKey, Id): one range of this index per page, whatever the country's size.
        builder.Property(c => c.ResponsibleDepartementCode).HasMaxLength(3).IsRequired();
        builder.HasIndex(c => new { c.ResponsibleDepartementCode, c.SearchKey, c.Id });
        // Every token of 400 characters of names, compound names also joined, with separators: at most ~1,000.
        builder.Property(c => c.SearchKey).HasMaxLength(1200);
        // No index: it is searched with LIKE '%|KEY|%', which no B-tree index serves (nor does the one on
        // SearchKey serve its own LIKE: that one is for the keyset order).
        builder.Property(c => c.PhoneticKey).HasMaxLength(1200);
        // Given once, never reused: the unique index is the last guard behind the counter.
        builder.Property(c => c.DossierNumber).HasMaxLength(DossierNumbers.MaxLength);
        builder.HasIndex(c => c.DossierNumber).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.ComplexProperty(c => c.BirthDate, d =>
        {
            d.Property(p => p.Year).HasColumnName("BirthYear");
            d.Property(p => p.Month).HasColumnName("BirthMonth");
            d.Property(p => p.Day).HasColumnName("BirthDay");
        });
        // Keyset pages read a range of this index: ORDER BY SearchKey, Id.
        builder.HasIndex(c => new { c.SearchKey, c.Id });
        builder.HasIndex(c => c.Ins);
        // A merged record points to the one that absorbed it (ChildMerge); a record is never deleted.
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.LinkedPersons).WithOne().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ServiceAssignments).WithOne().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.WorkerAssignments).WithOne().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChildMergeConfiguration : IEntityTypeConfiguration<ChildMerge>
{
    public void Configure(EntityTypeBuilder<ChildMerge> builder)
    {
        builder.HasOne<Child>().WithMany().HasForeignKey(m => m.AbsorbedChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(m => m.SurvivorChildId).OnDelete(DeleteBehavior.Restrict);
        // A record is absorbed once: it shows nowhere afterwards.
        builder.HasIndex(m => m.AbsorbedChildId).IsUnique();
        builder.HasIndex(m => m.SurvivorChildId);
        // The absorbed number still finds the survivor (FindChildByNumber).
        builder.Property(m => m.AbsorbedDossierNumber).HasMaxLength(DossierNumbers.MaxLength);
        builder.HasIndex(m => m.AbsorbedDossierNumber).IsUnique();
        builder.Property(m => m.AbsorbedIdentity).HasMaxLength(4000);
        builder.Property(m => m.Reason).HasMaxLength(ChildMerge.ReasonMaxLength);
        builder.Property(m => m.MergedByName).HasMaxLength(FieldLengths.Name * 2);
    }
}

internal sealed class LinkedPersonConfiguration : IEntityTypeConfiguration<LinkedPerson>
{
    public void Configure(EntityTypeBuilder<LinkedPerson> builder)
    {
        builder.Property(p => p.LastName).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.FirstNames).HasMaxLength(FieldLengths.FirstNames);
        builder.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
        builder.Property(p => p.Email).HasMaxLength(FieldLengths.Email);
        builder.Property(p => p.AddressLine).HasMaxLength(FieldLengths.Line);
        builder.Property(p => p.PostalCode).HasMaxLength(FieldLengths.PostalCode);
        builder.Property(p => p.City).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Notes).HasMaxLength(FieldLengths.Notes);
        // Normalised name, first names and birth date: at most ~320 characters.
        builder.Property(p => p.ParentKey).HasMaxLength(400);
        builder.HasIndex(p => p.ParentKey);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.ComplexProperty(p => p.BirthDate, d =>
        {
            d.Property(p => p.Year).HasColumnName("BirthYear");
            d.Property(p => p.Month).HasColumnName("BirthMonth");
            d.Property(p => p.Day).HasColumnName("BirthDay");
        });
    }
}

internal sealed class ChildAddressConfiguration : IEntityTypeConfiguration<ChildAddress>
{
    public void Configure(EntityTypeBuilder<ChildAddress> builder)
    {
        builder.Property(a => a.Line).HasMaxLength(FieldLengths.Line);
        builder.Property(a => a.PostalCode).HasMaxLength(FieldLengths.PostalCode);
        builder.Property(a => a.City).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.Country).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class ServiceAssignmentConfiguration : IEntityTypeConfiguration<ServiceAssignment>
{
    public void Configure(EntityTypeBuilder<ServiceAssignment> builder)
    {
        builder.Property(a => a.MotiveCode).HasMaxLength(50);
        builder.HasOne(a => a.Service).WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ServiceId, a.ChildId });
    }
}

internal sealed class WorkerAssignmentConfiguration : IEntityTypeConfiguration<WorkerAssignment>
{
    public void Configure(EntityTypeBuilder<WorkerAssignment> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserId, a.ChildId });
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(FieldLengths.Reason);
        builder.HasIndex(d => new { d.ToUserId, d.EndsAt });
    }
}

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> builder)
    {
        builder.Property(b => b.Reason).HasMaxLength(FieldLengths.Reason);
        builder.HasIndex(b => new { b.UserId, b.ChildId, b.EndsAt });
    }
}

internal sealed class AccessAlertConfiguration : IEntityTypeConfiguration<AccessAlert>
{
    public void Configure(EntityTypeBuilder<AccessAlert> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(FieldLengths.Reason);
        builder.HasIndex(a => a.RaisedAt);
    }
}

internal sealed class DepartementTransferConfiguration : IEntityTypeConfiguration<DepartementTransfer>
{
    public void Configure(EntityTypeBuilder<DepartementTransfer> builder)
    {
        builder.Property(t => t.FromDepartementCode).HasMaxLength(3);
        builder.Property(t => t.ToDepartementCode).HasMaxLength(3);
        builder.Property(t => t.Reason).HasMaxLength(DepartementTransfer.ReasonMaxLength);
        builder.Property(t => t.NoteForReceivers).HasMaxLength(DepartementTransfer.NoteMaxLength);
        builder.Property(t => t.ProposedByName).HasMaxLength(200);
        builder.Property(t => t.DecidedByName).HasMaxLength(200);
        builder.Property(t => t.DecisionReason).HasMaxLength(DepartementTransfer.ReasonMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Child>().WithMany().HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Restrict);
        // The child's transfers (its page, its access facts), and each département's pending ones.
        builder.HasIndex(t => new { t.ChildId, t.State });
        builder.HasIndex(t => new { t.ToDepartementCode, t.State });
        builder.HasIndex(t => new { t.FromDepartementCode, t.State });
        // One pending proposal per child, even when two are posted at once (State 1 = Proposed).
        builder.HasIndex(t => t.ChildId).IsUnique().HasFilter("\"State\" = 1").HasDatabaseName("IX_DepartementTransfers_OnePending");
    }
}
