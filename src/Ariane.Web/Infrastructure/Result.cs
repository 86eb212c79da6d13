namespace Ariane.Web.Infrastructure;

public enum ResultStatus
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>
/// What a handler answers. Pages and API endpoints translate it the same way: a refused read is
/// <see cref="ResultStatus.NotFound"/> so that nobody learns a child exists.
/// </summary>
public sealed record Result<T>(ResultStatus Status, T? Value, IReadOnlyDictionary<string, string[]>? Errors = null, object? Current = null)
{
    public bool IsOk => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value);

    public static Result<T> NotFound() => new(ResultStatus.NotFound, default);

    public static Result<T> Forbidden() => new(ResultStatus.Forbidden, default);

    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ResultStatus.Invalid, default, errors);

    public static Result<T> Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Someone else saved first; <paramref name="current"/> is what is now stored.</summary>
    public static Result<T> Conflict(object current) => new(ResultStatus.Conflict, default, null, current);
}
