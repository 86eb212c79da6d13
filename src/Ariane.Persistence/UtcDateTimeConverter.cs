using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ariane.Persistence;

/// <summary>Stores and reads every DateTime as UTC (SQLite keeps no kind; PostgreSQL timestamptz requires UTC).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
