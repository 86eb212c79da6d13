namespace Ariane.Core.Audit;

/// <summary>
/// Audit event types, numbered in blocks per module so that new modules add theirs without renumbering:
/// 1xx authentication, 2xx administration, 3xx exceptional access, 10xx child record, 19xx audit itself,
/// 90xx generic data changes. Numbers are stored: never reuse or change one.
/// Each block is declared, with its French labels, by the module that owns it (Features/*/*Module.cs).
/// Reserved for the coming modules (Web/Infrastructure/Modules/ReservedAuditBlocks.cs, docs/security.md):
/// 4xx Tenancy/Départements, 5xx Facilities, 13xx Measures, 14xx Placements,
/// 20xx Observatory; 22xx reports and their transmission. 11xx Concerns and 12xx Assessments are the CRIP's; 17xx documents and attachments; 18xx transfers between départements; 21xx notifications and background jobs.
/// </summary>
public enum AuditEventType
{
    // 1xx — authentication
    LoginSucceeded = 100,
    LoginFailed = 101,
    LockedOut = 102,
    Logout = 103,
    LogoutEverywhere = 104,
    TwoFactorEnabled = 105,
    TwoFactorFailed = 106,
    RecoveryCodeUsed = 107,
    TwoFactorReset = 108,
    PasswordChanged = 109,
    ApiTokenIssued = 110,
    SessionExpired = 111,
    DemoAccountRefused = 112,

    // 2xx — administration
    UserCreated = 200,
    UserUpdated = 201,
    UserDeactivated = 202,
    UserReactivated = 203,
    MembershipAdded = 204,
    MembershipRemoved = 205,
    OrganisationCreated = 206,
    OrganisationUpdated = 207,
    ServiceCreated = 208,
    ServiceUpdated = 209,
    RoleUpdated = 210,

    // 3xx — exceptional access
    AccessDenied = 300,
    BreakGlassOpened = 301,
    DelegationGranted = 302,
    DelegationRevoked = 303,
    AlertRaised = 304,
    AlertAcknowledged = 305,
    AccessAlertsViewed = 306,

    // 5xx — facilities, capacity and placement requests (not child data, save the requests)
    FacilityCreated = 500,
    FacilityUpdated = 501,
    CapacityDeclared = 510,
    CapacityUpdated = 511,
    CapacityRemoved = 512,
    PlacementRequestSent = 520,
    PlacementRequestUpdated = 521,
    PlacementRequestAnswered = 522,
    PlacementRequestViewed = 523,
    PlacementRequestsListed = 524,

    // 10xx — child record
    ChildViewed = 1000,
    ChildSearched = 1001,
    ChildCreated = 1002,
    ChildUpdated = 1003,
    ChildDeleted = 1004,
    LinkedPersonAdded = 1010,
    LinkedPersonUpdated = 1011,
    LinkedPersonRemoved = 1012,
    LinkedPersonsViewed = 1013,
    AddressAdded = 1020,
    AddressUpdated = 1021,
    AddressRemoved = 1022,
    AssignmentAdded = 1030,
    AssignmentUpdated = 1031,
    AssignmentRemoved = 1032,
    AssignmentsViewed = 1033,
    DuplicateCheckPerformed = 1040,

    // 11xx — informations préoccupantes (Concerns)
    ConcernRecorded = 1100,
    ConcernUpdated = 1101,
    ConcernViewed = 1102,
    ConcernsListed = 1103,
    ConcernChildAdded = 1105,
    ConcernChildRemoved = 1106,
    ConcernReporterRecorded = 1107,
    ConcernReporterUpdated = 1108,
    ChildrenMerged = 1110,

    // 12xx — evaluations (Assessments)
    AssessmentOpened = 1200,
    AssessmentUpdated = 1201,
    AssessmentViewed = 1202,
    AssessmentChildAdded = 1203,
    AssessmentEvaluatorAdded = 1204,
    AssessmentEvaluatorRemoved = 1205,
    AssessmentAnswerRecorded = 1206,
    AssessmentAnswerUpdated = 1207,
    HealthObservationRecorded = 1208,
    HealthObservationUpdated = 1209,
    AssessmentConcluded = 1210,
    AssessmentValidated = 1211,
    AssessmentFrameworkLoaded = 1220,

    // 13xx — measures
    MeasureOpened = 1300,
    MeasureUpdated = 1301,
    MeasureViewed = 1302,
    MeasuresListed = 1303,
    MeasureDecisionRecorded = 1304,
    MeasureDecisionUpdated = 1305,
    MeasureRenewed = 1306,
    MeasureEnded = 1307,

    // 14xx — placements, contact rights, protected flag
    PlacementOpened = 1400,
    PlacementUpdated = 1401,
    PlacementRemoved = 1402,
    PlacementsViewed = 1403,
    HostedChildrenListed = 1404,
    ContactRightRecorded = 1410,
    ContactRightUpdated = 1411,
    ContactRightRemoved = 1412,
    ContactRightsViewed = 1413,
    ChildProtectionSet = 1420,
    ChildProtectionLifted = 1421,

    // 15xx — the projet pour l'enfant (PPE)
    PlanCreated = 1500,
    PlanUpdated = 1501,
    PlanViewed = 1502,
    PlanGoalAdded = 1503,
    PlanGoalUpdated = 1504,
    PlanActionAdded = 1505,
    PlanActionUpdated = 1506,
    PlanValidated = 1507,
    PlanSigned = 1508,
    PlanVersionViewed = 1509,

    // 16xx — the journal of the child's daily life
    JournalEntryRecorded = 1600,
    JournalEntryUpdated = 1601,
    JournalEntryViewed = 1602,
    JournalListed = 1603,
    JournalEntryRemoved = 1604,

    // 22xx — reports (rapport de situation, fin de mesure) and their transmission
    ReportDrafted = 2200,
    ReportUpdated = 2201,
    ReportViewed = 2202,
    ReportValidated = 2203,
    DocumentTransmitted = 2210,
    TransmissionUpdated = 2211,
    TransmissionOpened = 2212,
    TransmissionAcknowledged = 2213,
    CourtInboxListed = 2214,
    FollowUpBoardListed = 2215,

    // 17xx — documents and attachments
    DocumentGenerated = 1700,
    DocumentDownloaded = 1701,
    DocumentsListed = 1702,
    AttachmentUploaded = 1710,
    AttachmentDownloaded = 1711,
    AttachmentsListed = 1712,
    AttachmentDeleted = 1713,
    DocumentTemplateChanged = 1720,

    // 18xx — transfers between départements
    TransferProposed = 1800,
    TransferAccepted = 1801,
    TransferRefused = 1802,
    TransferCancelled = 1803,
    TransfersViewed = 1804,

    // 19xx — the audit trail itself
    ChildAccessLogViewed = 1900,
    AuditSearched = 1901,
    AuditVerified = 1902,
    ChildLookupByDpo = 1903,
    ExportProduced = 1910,

    // 21xx — notifications and background jobs
    NotificationsCreated = 2100,
    NotificationPreferencesCreated = 2110,
    NotificationPreferencesUpdated = 2111,
    JobRunSucceeded = 2150,
    JobRunFailed = 2151,

    // 90xx — generic changes recorded by the interceptor for entities without a specific type
    DataCreated = 9001,
    DataUpdated = 9002,
    DataDeleted = 9003,
}

public enum AuditOutcome
{
    Success = 1,
    Denied = 2,
    Failure = 3,
}
