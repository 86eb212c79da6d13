namespace Ariane.Core.Access;

/// <summary>
/// The parts of a child's record, by sensitivity (docs/domain.md §3). Every later feature declares the
/// section its data belongs to and the policy does the rest.
/// </summary>
public enum Section
{
    /// <summary>Civil identity, linked persons, addresses, assignments.</summary>
    Identity = 1,
    /// <summary>Social follow-up: journal, plan, evaluations, measures' content.</summary>
    Social = 2,
    /// <summary>Diagnoses, medical and psychological reports: health professionals only.</summary>
    Health = 3,
    /// <summary>Judges' decisions and court documents.</summary>
    Judicial = 4,
    /// <summary>The identity of the person who reported an IP when not a public agent.</summary>
    ConcernAuthor = 5,
}

/// <summary>What a role may do in a section. Ordered: each level includes the ones below it.</summary>
public enum AccessLevel
{
    None = 0,
    /// <summary>Knows that something exists ("a health follow-up is in place") without its content.</summary>
    Existence = 1,
    Read = 2,
    Write = 3,
}

public enum AccessOperation
{
    SeeExistence = 1,
    Read = 2,
    Write = 3,
}

/// <summary>Which children a role reaches.</summary>
public enum AccessScope
{
    /// <summary>No child record (administrator, observatory, DPO).</summary>
    None = 0,
    /// <summary>Only children the user is personally named on (e.g. foster carer).</summary>
    Personal = 1,
    /// <summary>Children assigned to the user's service, and children the user is named on.</summary>
    Service = 2,
    /// <summary>Every child of the département.</summary>
    Departement = 3,
}

/// <summary>Rights that are not about one section of one child.</summary>
[Flags]
public enum Permission
{
    None = 0,
    CreateChild = 1 << 0,
    /// <summary>Emergency access to a child outside one's assignments, with a written reason.</summary>
    BreakGlass = 1 << 1,
    /// <summary>See "who accessed this record" for a child one can read.</summary>
    ViewChildAudit = 1 << 2,
    /// <summary>Search the whole audit trail (DPO).</summary>
    SearchAudit = 1 << 3,
    ManageUsers = 1 << 4,
    ManageOrganisations = 1 << 5,
    /// <summary>Receives break-the-glass alerts.</summary>
    ReceiveAccessAlerts = 1 << 6,
    /// <summary>Delegate one's own children to a colleague for a limited time.</summary>
    Delegate = 1 << 7,
    /// <summary>Assign services and professionals to a child.</summary>
    ManageAssignments = 1 << 8,
    /// <summary>Propose the transfer of a child of one's département to another département.</summary>
    ProposeTransfer = 1 << 9,
    /// <summary>Accept or refuse, for one's département, the transfer of a child from another.</summary>
    DecideTransfer = 1 << 10,
    /// <summary>Record an information préoccupante received by the CRIP.</summary>
    RecordConcern = 1 << 11,
    /// <summary>Qualify an IP and open its evaluation with the team (CRIP, cadre).</summary>
    QualifyConcern = 1 << 12,
    /// <summary>Validate an evaluation's conclusion (cadre).</summary>
    ValidateAssessment = 1 << 13,
    /// <summary>Merge two records found to be the same child (CRIP, cadre).</summary>
    MergeChildren = 1 << 14,
    /// <summary>May be a member of an evaluation team (évaluateur, référent, professionnel de santé PMI).</summary>
    Evaluate = 1 << 15,
    /// <summary>Open, renew and end measures, and record placements (référent, cadre).</summary>
    RecordMeasure = 1 << 16,
    /// <summary>Set or lift a child's protected flag (cadre).</summary>
    ProtectChild = 1 << 17,
    /// <summary>Knows where a protected child of one's département lives (cadre); others need a link to the place.</summary>
    KnowProtectedPlace = 1 << 18,
    /// <summary>Reads the places board and sends placement requests (CRIP, référent, cadre, on-call staff).</summary>
    FindPlaces = 1 << 19,
    /// <summary>Updates the places of one's own establishment and answers its placement requests (chef de service).</summary>
    ManagePlaces = 1 << 20,
    /// <summary>Declares facilities and foster carers of one's département in the directory (cadre).</summary>
    ManageFacilities = 1 << 21,
    /// <summary>Reads capacity and availability through the API (partners' software).</summary>
    ReadAvailability = 1 << 22,
    /// <summary>
    /// Reads the whole PPE of a child assigned to one's service and adds that service's objectives and actions, without
    /// reading the rest of the social follow-up (MDPH, Éducation nationale; docs/domain.md §2.5).
    /// </summary>
    ContributeToPlan = 1 << 23,
    /// <summary>Validates a version of the PPE and records its signatures (référent, cadre).</summary>
    ValidatePlan = 1 << 24,
    /// <summary>Receives, in the inbox of one's court service, the documents transmitted to it; opens and acknowledges them (judge, clerk).</summary>
    ReceiveTransmissions = 1 << 25,
    /// <summary>Validates a rapport de situation (cadre).</summary>
    ValidateReport = 1 << 26,
    /// <summary>
    /// Writes an incident or a runaway in the journal of a child one reads (the foster carer, who otherwise only reads
    /// the social follow-up: docs/domain.md, Journal).
    /// </summary>
    RecordIncident = 1 << 27,
}
