namespace Ariane.Core.Placements;

/// <summary>
/// The type of place of care, numbered with its OLINPE LIEUACC code (docs/domain.md, OLINPE nomenclatures);
/// <see cref="PlaceKinds.LieuPlac"/> gives the LIEUPLAC code. A hotel has no code of its own: it is sent as
/// « autre » (14 / 19) and carries its own rules (<see cref="PlacementRules"/>).
/// </summary>
public enum PlaceKind
{
    FosterCarer = 1,
    Establishment = 2,
    Nursery = 3,
    MotherChild = 4,
    /// <summary>Chez un particulier: the other parent, family, tiers digne de confiance.</summary>
    PrivatePerson = 5,
    AutonomousHousing = 6,
    Sponsorship = 7,
    ChildrensVillage = 8,
    LieuDeVie = 9,
    MedicoSocial = 10,
    DayCare = 11,
    /// <summary>Placement éducatif à domicile: hosted by the parents under the measure.</summary>
    AtParents = 12,
    Boarding = 13,
    Other = 14,
    /// <summary>Hotel or social residence: banned under 16, at most 2 months from 16 to 21 (since 1 Feb 2024).</summary>
    Hotel = 15,
}

/// <summary>The temporality of a place or of a stay (ROR: type of care).</summary>
public enum CareType
{
    /// <summary>Accueil permanent (full-time, long stay).</summary>
    Permanent = 1,
    /// <summary>Accueil d'urgence.</summary>
    Emergency = 2,
    /// <summary>Accueil de relais / répit.</summary>
    Respite = 3,
    /// <summary>Accueil de jour.</summary>
    Day = 4,
    /// <summary>Accueil séquentiel (some nights a week).</summary>
    Sequential = 5,
}

public static class PlaceKinds
{
    public static string Label(PlaceKind kind) => kind switch
    {
        PlaceKind.FosterCarer => "Assistant familial",
        PlaceKind.Establishment => "Établissement (MECS, foyer)",
        PlaceKind.Nursery => "Pouponnière",
        PlaceKind.MotherChild => "Accueil mère-enfant",
        PlaceKind.PrivatePerson => "Chez un particulier (tiers digne de confiance, famille, autre parent)",
        PlaceKind.AutonomousHousing => "Hébergement autonome",
        PlaceKind.Sponsorship => "Parrainage",
        PlaceKind.ChildrensVillage => "Village d'enfants",
        PlaceKind.LieuDeVie => "Lieu de vie et d'accueil",
        PlaceKind.MedicoSocial => "Établissement médico-social",
        PlaceKind.DayCare => "Accueil de jour",
        PlaceKind.AtParents => "Placement éducatif à domicile",
        PlaceKind.Boarding => "Internat",
        PlaceKind.Hotel => "Hôtel, résidence hôtelière",
        _ => "Autre lieu",
    };

    public static string CareTypeLabel(CareType type) => type switch
    {
        CareType.Permanent => "Accueil permanent",
        CareType.Emergency => "Accueil d'urgence",
        CareType.Respite => "Accueil de relais (répit)",
        CareType.Day => "Accueil de jour",
        CareType.Sequential => "Accueil séquentiel",
        _ => "Autre",
    };

    /// <summary>LIEUACC (administrative measures).</summary>
    public static int LieuAcc(PlaceKind kind) => kind == PlaceKind.Hotel ? 14 : (int)kind;

    /// <summary>LIEUPLAC (judicial placements): LIEUACC without 7 (parrainage), « autre » is 19.</summary>
    public static int LieuPlac(PlaceKind kind) => kind switch
    {
        PlaceKind.Sponsorship or PlaceKind.Other or PlaceKind.Hotel => 19,
        _ => (int)kind,
    };

    /// <summary>Kinds whose place is a <see cref="Facilities.Facility"/> of the directory (capacity counted).</summary>
    public static bool UsesFacility(PlaceKind kind) => kind is PlaceKind.FosterCarer or PlaceKind.Establishment or PlaceKind.Nursery
        or PlaceKind.MotherChild or PlaceKind.ChildrensVillage or PlaceKind.LieuDeVie or PlaceKind.MedicoSocial or PlaceKind.DayCare
        or PlaceKind.Boarding or PlaceKind.Hotel;
}
