namespace Ariane.Persistence;

/// <summary>
/// The last dossier number given in a département for a year (<see cref="Core.Children.DossierNumbers"/>).
/// A persistence device rather than a domain entity: only <see cref="DossierNumbering"/> touches it, with
/// one atomic statement, never through the change tracker.
/// </summary>
[Core.Common.NotAuditedData("a counter moved by one atomic statement; the number it gives is audited with the child")]
public sealed class DossierCounter
{
    public required string DepartementCode { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
