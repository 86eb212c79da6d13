using Ariane.Core.Access;
using Ariane.Core.Audit;

namespace Ariane.Core.Tests.Audit;

public class AuditHasherTests
{
    private const string SomePreviousHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly AuditSealKey Key = new("k1", [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private static readonly AuditSealKey OtherKey = new("k2", [.. Enumerable.Range(101, 32).Select(i => (byte)i)]);

    private static AuditRecord Sample() => new()
    {
        Sequence = 42,
        OccurredAt = new DateTime(2025, 6, 15, 10, 30, 45, DateTimeKind.Utc).AddTicks(1234567),
        EventType = AuditEventType.ChildViewed,
        Outcome = AuditOutcome.Success,
        UserId = new Guid("11111111-1111-1111-1111-111111111111"),
        UserName = "m.dupont",
        ChildId = new Guid("22222222-2222-2222-2222-222222222222"),
        Section = Section.Social,
        AccessBasis = AccessBasis.ServiceAssignment,
        EntityType = "Child",
        EntityId = new Guid("33333333-3333-3333-3333-333333333333"),
        Details = """{"fields":["FirstName"]}""",
        Reason = "Suivi de la mesure",
        IpAddress = "192.0.2.10",
        CorrelationId = "corr-0001",
        Chain = "99",
        ChainSequence = 7,
        PreviousHash = string.Empty,
        Hash = string.Empty,
    };

    private static string SealedHash(AuditRecord record, string previousHash = SomePreviousHash)
    {
        AuditHasher.Seal(record, previousHash, Key);
        return record.Hash;
    }

    /// <summary>One change per field of the record, each to another plausible value.</summary>
    private static readonly Dictionary<string, Action<AuditRecord>> Mutations = new(StringComparer.Ordinal)
    {
        ["Sequence"] = r => r.Sequence = 43,
        ["OccurredAt"] = r => r.OccurredAt = r.OccurredAt.AddSeconds(1),
        ["OccurredAt by one tick"] = r => r.OccurredAt = r.OccurredAt.AddTicks(1),
        ["EventType"] = r => r.EventType = AuditEventType.ChildUpdated,
        ["Outcome"] = r => r.Outcome = AuditOutcome.Denied,
        ["UserId"] = r => r.UserId = new Guid("44444444-4444-4444-4444-444444444444"),
        ["UserId to null"] = r => r.UserId = null,
        ["UserName"] = r => r.UserName = "m.dupond",
        ["UserName to null"] = r => r.UserName = null,
        ["ChildId"] = r => r.ChildId = new Guid("55555555-5555-5555-5555-555555555555"),
        ["ChildId to null"] = r => r.ChildId = null,
        ["Section"] = r => r.Section = Section.Health,
        ["Section to null"] = r => r.Section = null,
        ["AccessBasis"] = r => r.AccessBasis = AccessBasis.BreakGlass,
        ["AccessBasis to null"] = r => r.AccessBasis = null,
        ["EntityType"] = r => r.EntityType = "LinkedPerson",
        ["EntityId"] = r => r.EntityId = new Guid("66666666-6666-6666-6666-666666666666"),
        ["Details"] = r => r.Details = """{"fields":["LastName"]}""",
        ["Details to null"] = r => r.Details = null,
        ["Reason"] = r => r.Reason = "Suivi de la mesure.",
        ["IpAddress"] = r => r.IpAddress = "192.0.2.11",
        ["CorrelationId"] = r => r.CorrelationId = "corr-0002",
        ["Chain"] = r => r.Chain = "98",
        ["ChainSequence"] = r => r.ChainSequence = 8,
    };

    public static TheoryData<string> MutatedFields => new(Mutations.Keys);

    [Fact]
    public void Genesis_is_64_zeros()
    {
        Assert.Equal(new string('0', 64), AuditHasher.Genesis);
    }

    [Fact]
    public void Seal_sets_the_key_previous_hash_and_a_sha256_hex_hash()
    {
        var record = Sample();

        AuditHasher.Seal(record, AuditHasher.Genesis, Key);

        Assert.Equal("k1", record.KeyId);
        Assert.Equal(AuditHasher.Genesis, record.PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", record.Hash);
        Assert.Equal(AuditHasher.Compute(record, AuditHasher.Genesis, Key), record.Hash);
    }

    [Fact]
    public void Without_the_key_a_rewritten_row_cannot_be_sealed_again()
    {
        var record = Sample();
        var sealedHash = SealedHash(record);

        // Whoever changes the row and recomputes the seal with another key (or none) gets another hash,
        // and the row still names the key it claims.
        record.Details = """{"fields":["Nothing"]}""";
        var forgedWithOtherKey = Sample();
        forgedWithOtherKey.Details = record.Details;
        AuditHasher.Seal(forgedWithOtherKey, SomePreviousHash, new AuditSealKey("k1", OtherKey.Secret));

        Assert.NotEqual(sealedHash, forgedWithOtherKey.Hash);
        Assert.NotEqual(AuditHasher.Compute(record, SomePreviousHash, Key), forgedWithOtherKey.Hash);
    }

    [Fact]
    public void The_same_row_under_two_keys_has_two_seals()
    {
        var underFirst = Sample();
        AuditHasher.Seal(underFirst, SomePreviousHash, Key);
        var underSecond = Sample();
        AuditHasher.Seal(underSecond, SomePreviousHash, OtherKey);

        Assert.Equal("k2", underSecond.KeyId);
        Assert.NotEqual(underFirst.Hash, underSecond.Hash);
    }

    [Fact]
    public void Compute_refuses_a_key_other_than_the_one_the_row_names()
    {
        var record = Sample();
        AuditHasher.Seal(record, SomePreviousHash, Key);

        Assert.Throws<ArgumentException>(() => AuditHasher.Compute(record, SomePreviousHash, OtherKey));
        Assert.Throws<ArgumentException>(() => AuditHasher.Compute(record, SomePreviousHash, null));
    }

    [Fact]
    public void Rows_from_before_keys_keep_their_plain_sha256_over_the_older_form()
    {
        // The canonical form of 2026-11 (no chain, position or key): a row sealed then still verifies.
        var legacy = Sample();
        legacy.Chain = "platform";
        legacy.ChainSequence = 42;
        var hash = AuditHasher.Compute(legacy, SomePreviousHash, null);

        legacy.Chain = "99";
        legacy.ChainSequence = 1;
        Assert.Equal(hash, AuditHasher.Compute(legacy, SomePreviousHash, null));
        Assert.NotEqual(hash, SealedHash(Sample()));
    }

    [Fact]
    public void A_seal_key_is_at_least_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => new AuditSealKey("short", new byte[31]));
        Assert.Throws<ArgumentException>(() => new AuditSealKey(" ", new byte[32]));
        Assert.Equal("AuditSealKey(k1)", Key.ToString());
    }

    [Fact]
    public void Seal_is_deterministic()
    {
        var first = SealedHash(Sample());
        var second = SealedHash(Sample());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Sealing_again_gives_the_same_hash()
    {
        var record = Sample();
        var first = SealedHash(record);

        Assert.Equal(first, SealedHash(record));
    }

    [Fact]
    public void Hash_does_not_depend_on_the_stored_hash_fields()
    {
        var record = Sample();
        AuditHasher.Seal(record, SomePreviousHash, Key);
        var expected = AuditHasher.Compute(record, SomePreviousHash, Key);

        record.Hash = "tampered";
        record.PreviousHash = "tampered";

        Assert.Equal(expected, AuditHasher.Compute(record, SomePreviousHash, Key));
    }

    [Theory]
    [MemberData(nameof(MutatedFields))]
    public void Changing_one_field_changes_the_hash(string field)
    {
        var original = SealedHash(Sample());
        var changed = Sample();
        Mutations[field](changed);

        Assert.NotEqual(original, SealedHash(changed));
    }

    [Fact]
    public void Every_mutation_yields_a_distinct_hash()
    {
        var hashes = Mutations.Values
            .Select(mutate =>
            {
                var record = Sample();
                mutate(record);
                return SealedHash(record);
            })
            .Append(SealedHash(Sample()))
            .ToList();

        Assert.Equal(hashes.Count, hashes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Previous_hash_is_part_of_the_hash()
    {
        Assert.NotEqual(SealedHash(Sample(), AuditHasher.Genesis), SealedHash(Sample(), SomePreviousHash));
    }

    [Fact]
    public void Same_instant_in_local_time_gives_the_same_hash()
    {
        var utc = Sample();
        var local = Sample();
        local.OccurredAt = utc.OccurredAt.ToLocalTime();

        Assert.Equal(SealedHash(utc), SealedHash(local));
    }

    [Fact]
    public void Altering_a_row_breaks_the_chain_from_there_on()
    {
        var first = Sample();
        AuditHasher.Seal(first, AuditHasher.Genesis, Key);
        var second = Sample();
        second.Sequence = first.Sequence + 1;
        second.ChainSequence = first.ChainSequence + 1;
        AuditHasher.Seal(second, first.Hash, Key);

        // Intact chain verifies.
        Assert.Equal(first.Hash, AuditHasher.Compute(first, first.PreviousHash, Key));
        Assert.Equal(second.Hash, AuditHasher.Compute(second, first.Hash, Key));

        // Tampering with the first row's content is detected on that row...
        first.Details = """{"fields":["Nothing"]}""";
        Assert.NotEqual(first.Hash, AuditHasher.Compute(first, first.PreviousHash, Key));

        // ...and re-sealing it to hide the change breaks the link with the next row.
        AuditHasher.Seal(first, AuditHasher.Genesis, Key);
        Assert.NotEqual(second.PreviousHash, first.Hash);
    }

    [Fact]
    public void Compute_rejects_a_null_record()
    {
        Assert.Throws<ArgumentNullException>(() => AuditHasher.Compute(null!, AuditHasher.Genesis, Key));
        Assert.Throws<ArgumentNullException>(() => AuditHasher.Seal(null!, AuditHasher.Genesis, Key));
        Assert.Throws<ArgumentNullException>(() => AuditHasher.Seal(Sample(), AuditHasher.Genesis, null!));
    }

    [Fact]
    public void Moving_text_across_a_field_boundary_changes_the_hash()
    {
        // Both rows have the same canonical text "...Urgence<US>nuit<US>192.0.2.10...".
        var original = Sample();
        original.Reason = "Urgence\u001fnuit";
        original.IpAddress = "192.0.2.10";

        var moved = Sample();
        moved.Reason = "Urgence";
        moved.IpAddress = "nuit\u001f192.0.2.10";

        Assert.NotEqual(SealedHash(original), SealedHash(moved));
    }
}
