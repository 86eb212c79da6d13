using Ariane.Core.Access;
using Ariane.Core.Audit;
using Ariane.Core.Children;
using Ariane.Core.Common;
using Ariane.Core.Organisations;
using Ariane.Persistence.Audit;
using Ariane.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ariane.Persistence;

/// <summary>
/// The one DbContext. <see cref="SaveChangesAsync(bool, CancellationToken)"/> writes, in the same
/// transaction as the change, the audit rows of every change to child data and of every access the
/// handler recorded: no audit, no data.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, AuditTrail? auditTrail = null)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    private readonly AuditTrail auditTrail = auditTrail ?? new AuditTrail(new AuditActor(null, null, null, null), TimeProvider.System);

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Role> AccessRoles => Set<Role>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<LinkedPerson> LinkedPersons => Set<LinkedPerson>();
    public DbSet<ChildAddress> ChildAddresses => Set<ChildAddress>();
    public DbSet<ServiceAssignment> ServiceAssignments => Set<ServiceAssignment>();
    public DbSet<WorkerAssignment> WorkerAssignments => Set<WorkerAssignment>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<DepartementTransfer> DepartementTransfers => Set<DepartementTransfer>();
    public DbSet<ChildMerge> ChildMerges => Set<ChildMerge>();
    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();
    public DbSet<AccessAlert> AccessAlerts => Set<AccessAlert>();
    public DbSet<Core.Concerns.Concern> Concerns => Set<Core.Concerns.Concern>();
    public DbSet<Core.Concerns.ConcernChild> ConcernChildren => Set<Core.Concerns.ConcernChild>();
    public DbSet<Core.Concerns.ConcernAdult> ConcernAdults => Set<Core.Concerns.ConcernAdult>();
    public DbSet<Core.Concerns.ConcernReporter> ConcernReporters => Set<Core.Concerns.ConcernReporter>();
    public DbSet<Core.Assessments.Assessment> Assessments => Set<Core.Assessments.Assessment>();
    public DbSet<Core.Assessments.AssessmentChild> AssessmentChildren => Set<Core.Assessments.AssessmentChild>();
    public DbSet<Core.Assessments.AssessmentEvaluator> AssessmentEvaluators => Set<Core.Assessments.AssessmentEvaluator>();
    public DbSet<Core.Assessments.AssessmentAnswer> AssessmentAnswers => Set<Core.Assessments.AssessmentAnswer>();
    public DbSet<Core.Assessments.HealthObservation> HealthObservations => Set<Core.Assessments.HealthObservation>();
    public DbSet<Core.Assessments.AssessmentFramework> AssessmentFrameworks => Set<Core.Assessments.AssessmentFramework>();
    public DbSet<Core.Notifications.Notification> Notifications => Set<Core.Notifications.Notification>();
    public DbSet<Core.Notifications.NotificationPreference> NotificationPreferences => Set<Core.Notifications.NotificationPreference>();
    public DbSet<Core.Jobs.JobRun> JobRuns => Set<Core.Jobs.JobRun>();
    public DbSet<Core.Documents.GeneratedDocument> GeneratedDocuments => Set<Core.Documents.GeneratedDocument>();
    public DbSet<Core.Documents.DocumentTemplate> DocumentTemplates => Set<Core.Documents.DocumentTemplate>();
    public DbSet<Core.Documents.Attachment> Attachments => Set<Core.Documents.Attachment>();
    public DbSet<Core.Measures.Measure> Measures => Set<Core.Measures.Measure>();
    public DbSet<Core.Measures.MeasureDecision> MeasureDecisions => Set<Core.Measures.MeasureDecision>();
    public DbSet<Core.Placements.Placement> Placements => Set<Core.Placements.Placement>();
    public DbSet<Core.Placements.ContactRight> ContactRights => Set<Core.Placements.ContactRight>();
    public DbSet<Core.Placements.ChildProtection> ChildProtections => Set<Core.Placements.ChildProtection>();
    public DbSet<Core.Facilities.Facility> Facilities => Set<Core.Facilities.Facility>();
    public DbSet<Core.Facilities.FacilityCapacity> FacilityCapacities => Set<Core.Facilities.FacilityCapacity>();
    public DbSet<Core.Facilities.PlacementRequest> PlacementRequests => Set<Core.Facilities.PlacementRequest>();
    public DbSet<Core.Facilities.PlacementRequestTarget> PlacementRequestTargets => Set<Core.Facilities.PlacementRequestTarget>();
    public DbSet<Core.Plans.ChildPlan> ChildPlans => Set<Core.Plans.ChildPlan>();
    public DbSet<Core.Plans.PlanGoal> PlanGoals => Set<Core.Plans.PlanGoal>();
    public DbSet<Core.Plans.PlanAction> PlanActions => Set<Core.Plans.PlanAction>();
    public DbSet<Core.Plans.ChildPlanVersion> ChildPlanVersions => Set<Core.Plans.ChildPlanVersion>();
    public DbSet<Core.Plans.PlanSignature> PlanSignatures => Set<Core.Plans.PlanSignature>();
    public DbSet<Core.Reports.SituationReport> SituationReports => Set<Core.Reports.SituationReport>();
    public DbSet<Core.Reports.FollowUpDeadline> FollowUpDeadlines => Set<Core.Reports.FollowUpDeadline>();
    public DbSet<Core.Reports.DocumentTransmission> DocumentTransmissions => Set<Core.Reports.DocumentTransmission>();
    public DbSet<Core.Journal.JournalEntry> JournalEntries => Set<Core.Journal.JournalEntry>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditListedChild> AuditListedChildren => Set<AuditListedChild>();

    /// <summary>The audit trail of this unit of work: handlers record reads and explicit events here.</summary>
    public AuditTrail Audit => auditTrail;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC, whatever the provider; local (Europe/Paris) time is for display and legal deadlines only.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the audit trail is written asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareEntries();
        // New records are numbered inside the transaction, before their audit rows are collected: those
        // are collected there too, so that the creation row carries the number.
        var unnumbered = DossierNumbering.Unnumbered(ChangeTracker);
        var concerns = ConcernNumbering.Unnumbered(ChangeTracker);
        var changeRecords = unnumbered.Count == 0 && concerns.Count == 0 ? AuditChangeCollector.Collect(ChangeTracker, auditTrail) : null;
        if (changeRecords is { Count: 0 } && !auditTrail.HasPending)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = await WriteAsync(unnumbered, concerns, changeRecords, acceptAllChangesOnSuccess, cancellationToken);
            auditTrail.Clear();
            return saved;
        }

        // SQLite has one writer at a time and Microsoft.Data.Sqlite waits for it by sleeping the thread
        // (150 ms steps): queue this process's writers on an async lock instead.
        using var sqliteTurn = await SqliteWriteQueue.EnterAsync(Database, cancellationToken);
        var strategy = Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var written = await WriteAsync(unnumbered, concerns, changeRecords, acceptAllChangesOnSuccess, ct);
            await transaction.CommitAsync(ct);
            auditTrail.Clear();
            return written;
        }, cancellationToken);
    }

    /// <summary>Inside the transaction: numbers, audits and saves; a failure takes the numbers back with the transaction.</summary>
    private async Task<int> WriteAsync(List<Child> unnumbered, List<Core.Concerns.Concern> concerns, List<AuditRecord>? changeRecords, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            await DossierNumbering.AssignAsync(this, unnumbered, cancellationToken);
            await ConcernNumbering.AssignAsync(this, concerns, cancellationToken);
            var records = await AppendAuditAsync(changeRecords ?? AuditChangeCollector.Collect(ChangeTracker, auditTrail), cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AuditListedRows.InsertAsync(this, records, cancellationToken);
            return written;
        }
        catch
        {
            DossierNumbering.Forget(unnumbered);
            ConcernNumbering.Forget(concerns);
            throw;
        }
    }

    private async Task<List<AuditRecord>> AppendAuditAsync(List<AuditRecord> changeRecords, CancellationToken cancellationToken)
    {
        var records = auditTrail.Pending.Concat(changeRecords).ToList();
        await AuditChain.AppendAsync(this, records, cancellationToken);
        AuditRecords.AddRange(records);
        return records;
    }

    /// <summary>
    /// Bumps concurrency versions, keeps search keys and timestamps in step with the data: driven by the
    /// entities' interfaces (<see cref="ISearchIndexed"/>, <see cref="ITimestamped"/>), never by their types.
    /// </summary>
    private void PrepareEntries()
    {
        var now = auditTrail.Now;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                if (entry.Entity is ISearchIndexed indexed)
                {
                    indexed.RefreshSearchKey();
                }

                if (entry.Entity is ITimestamped stamped)
                {
                    stamped.UpdatedAt = now;
                    if (entry.State == EntityState.Added)
                    {
                        stamped.CreatedAt = now;
                    }
                }
            }

            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
            }
        }
    }
}
