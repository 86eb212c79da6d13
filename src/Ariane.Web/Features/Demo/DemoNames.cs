namespace Ariane.Web.Features.Demo;

/// <summary>A town of the fictional "Département de la Vallée" (code 99) and the ASE territory that covers it.</summary>
internal sealed record DemoCity(string Name, string PostalCode, bool IsNorth);

/// <summary>
/// Fictional names for the demo dataset. Common French surnames and first names, combined at random:
/// any resemblance to a real person is coincidental. The towns do not exist.
/// </summary>
internal static class DemoNames
{
    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
        "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
        "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
        "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
        "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
        "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
        "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
        "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Lacroix", "Dupuis", "Olivier", "Benoît", "Rey",
        "Benali", "Haddad", "Mansouri", "Belkacem", "Diallo", "Traoré", "Da Silva", "Pereira", "Ferreira", "Kaya",
        "Martin-Durand", "Le Goff", "N'Diaye", "Le Gall", "Le Roux", "Du Pont", "D'Almeida", "De La Fontaine",
        "Saint-Martin", "Lebrun-Vasseur", "Le Bihan", "Ben Hamida", "M'Bala", "Le Floch", "Delaunay-Crespin",
    ];

    /// <summary>First names given to girls in the last twenty years.</summary>
    public static IReadOnlyList<string> GirlFirstNames { get; } =
    [
        "Léa", "Chloé", "Emma", "Manon", "Camille", "Inès", "Jade", "Louise", "Zoé", "Lola",
        "Élodie", "Clémence", "Sarah", "Anaïs", "Maëlys", "Océane", "Juliette", "Lina", "Romane", "Lucie",
        "Alice", "Ambre", "Rose", "Anna", "Mila", "Léna", "Éva", "Nina", "Margaux", "Célia",
        "Maëlle", "Noémie", "Justine", "Pauline", "Mathilde", "Agathe", "Apolline", "Charlotte", "Capucine", "Héloïse",
        "Louna", "Salomé", "Clara", "Mélissa", "Yasmine", "Aïcha", "Fatoumata", "Amira", "Kenza", "Maïwenn",
        "Victoire", "Adèle", "Éléonore", "Iris", "Lou", "Thaïs", "Cassandra", "Inaya", "Nour", "Lyna",
    ];

    /// <summary>First names of the mothers' generation, also common as second names.</summary>
    public static IReadOnlyList<string> WomanFirstNames { get; } =
    [
        "Marie", "Anne", "Sophie", "Nathalie", "Isabelle", "Sandrine", "Céline", "Aurélie", "Stéphanie", "Émilie",
        "Laëtitia", "Virginie", "Hélène", "Valérie", "Christelle", "Audrey", "Jessica", "Morgane", "Gaëlle", "Solène",
        "Naïma", "Karine", "Séverine", "Élise", "Mélanie", "Coralie", "Amandine", "Nolwenn", "Marine", "Cindy",
    ];

    /// <summary>First names given to boys in the last twenty years.</summary>
    public static IReadOnlyList<string> BoyFirstNames { get; } =
    [
        "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Nathan", "Léo", "Raphaël", "Adam",
        "Loïc", "Maël", "Noé", "Théo", "Timéo", "Ethan", "Enzo", "Mathis", "Tom", "Baptiste",
        "Clément", "Maxime", "Antoine", "Alexandre", "Victor", "Paul", "Sacha", "Aaron", "Éthan", "Lenny",
        "Mathéo", "Noah", "Evan", "Axel", "Valentin", "Quentin", "Romain", "Kévin", "Dylan", "Jérémy",
        "Yanis", "Rayan", "Ilyès", "Mehdi", "Moussa", "Amadou", "Samuel", "Elias", "Ismaël", "Gaël",
        "Titouan", "Côme", "Anatole", "Joachim", "Bastien", "Florian", "Rémi", "Kaïs", "Naël", "Ayoub",
    ];

    /// <summary>First names of the fathers' generation, also common as second names.</summary>
    public static IReadOnlyList<string> ManFirstNames { get; } =
    [
        "Jean", "Pierre", "Michel", "Philippe", "Christophe", "Stéphane", "Sébastien", "Frédéric", "Grégory", "Jérôme",
        "Cédric", "Julien", "Nicolas", "Anthony", "David", "Mickaël", "Fabrice", "Ludovic", "Benoît", "Hervé",
        "Karim", "Aurélien", "Damien", "Olivier", "Franck", "Yannick", "Thierry", "Pascal", "Jean-Marc", "José",
    ];

    public static IReadOnlyList<DemoCity> Cities { get; } =
    [
        new("Valcourt-sur-Vallée", "99000", true), new("Montfleury", "99100", true),
        new("Saint-Aubin-des-Prés", "99110", true), new("Les Aulnaies", "99120", true),
        new("Belrivage", "99130", true), new("Pont-de-Vallée", "99140", true),
        new("Hautmarais", "99150", true), new("Le Breuil-Saint-Jean", "99160", true),
        new("Clairefontaine-la-Haute", "99170", true), new("Roche-Aiguë", "99180", true),
        new("Valmont-le-Bas", "99200", false), new("Sainte-Colombe-de-Vallée", "99210", false),
        new("Les Essarts-Rouges", "99220", false), new("Bourg-la-Rivière", "99230", false),
        new("Châtelneuf", "99240", false), new("L'Étang-Vieux", "99250", false),
        new("Mirevaux", "99260", false), new("Saint-Loup-des-Vignes", "99270", false),
        new("Combes-sur-Lys", "99280", false), new("Fontbelle", "99290", false),
    ];

    public static IReadOnlyList<string> Streets { get; } =
    [
        "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "place de l'Église", "rue des Écoles",
        "chemin des Vignes", "allée des Tilleuls", "rue du Moulin", "impasse des Lilas", "boulevard de la Libération",
        "rue Pasteur", "rue de la Gare", "résidence Les Acacias", "rue des Peupliers", "avenue du Général-de-Gaulle",
        "rue Jules-Ferry", "cité des Fleurs", "route de Valcourt", "rue de l'Abbé-Pierre", "quai de la Vallée",
    ];

    /// <summary>Birth places outside the département, for families who moved in.</summary>
    public static IReadOnlyList<string> OtherBirthPlaces { get; } =
    [
        "Lyon", "Lille", "Marseille", "Nantes", "Toulouse", "Bordeaux", "Rennes", "Strasbourg", "Paris 13e",
        "Saint-Denis (La Réunion)", "Montpellier", "Reims", "Le Havre", "Clermont-Ferrand",
    ];

    public static IReadOnlyList<string> OtherNationalities { get; } =
    [
        "Portugaise", "Marocaine", "Algérienne", "Tunisienne", "Turque", "Roumaine", "Sénégalaise", "Italienne",
    ];

    public static IReadOnlyList<DemoOrigin> UnaccompaniedOrigins { get; } =
    [
        new("Guinéenne", "Conakry (Guinée)", ["Diallo", "Camara", "Bah", "Barry", "Sow"], ["Mamadou", "Alpha", "Ibrahima", "Oumar"], ["Mariama", "Aïssatou"]),
        new("Malienne", "Bamako (Mali)", ["Traoré", "Keïta", "Coulibaly", "Diarra"], ["Moussa", "Seydou", "Boubacar"], ["Fatoumata", "Kadiatou"]),
        new("Ivoirienne", "Abidjan (Côte d'Ivoire)", ["Koné", "Kouassi", "Yao", "Bamba"], ["Yacouba", "Koffi", "Souleymane"], ["Awa", "Mariam"]),
        new("Afghane", "Kaboul (Afghanistan)", ["Ahmadi", "Rahimi", "Hakimi", "Karimi"], ["Ahmad", "Mohammad", "Samiullah"], ["Zahra", "Farida"]),
        new("Bangladaise", "Sylhet (Bangladesh)", ["Rahman", "Hossain", "Islam"], ["Rakib", "Sabbir", "Tanvir"], ["Nusrat", "Sadia"]),
        new("Tunisienne", "Sfax (Tunisie)", ["Trabelsi", "Ben Salah", "Gharbi"], ["Aymen", "Wassim", "Youssef"], ["Rania", "Yasmine"]),
    ];
}

/// <summary>Names and places typical of the country of origin of an unaccompanied minor.</summary>
internal sealed record DemoOrigin(
    string Nationality,
    string BirthPlace,
    IReadOnlyList<string> LastNames,
    IReadOnlyList<string> MaleFirstNames,
    IReadOnlyList<string> FemaleFirstNames);
