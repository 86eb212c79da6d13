namespace Ariane.Core.Common;

/// <summary>An entity that shows when it was created and last changed; the persistence layer sets both on save.</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>An entity found by a normalised search key; the persistence layer refreshes it before every save.</summary>
public interface ISearchIndexed
{
    void RefreshSearchKey();
}
