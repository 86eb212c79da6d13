namespace Ariane.Core.Common;

/// <summary>An entity that shows when it was created and last changed; the persistence layer sets both on save.</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>An entity found by normalised search keys (spelling, sound); the persistence layer refreshes them before every save.</summary>
public interface ISearchIndexed
{
    void RefreshSearchKey();
}
