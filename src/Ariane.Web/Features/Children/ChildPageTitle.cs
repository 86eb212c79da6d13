namespace Ariane.Web.Features.Children;

/// <summary>
/// The browser tab title of a child's page: the dossier number, never the child's name, which would stay
/// in the browser's history and on a screen shared or left open.
/// </summary>
public static class ChildPageTitle
{
    public static string Of(string action, string? dossierNumber) =>
        string.IsNullOrEmpty(dossierNumber) ? action : $"{action} — dossier {dossierNumber}";
}
