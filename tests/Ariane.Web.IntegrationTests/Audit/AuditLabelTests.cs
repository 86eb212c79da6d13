using Ariane.Core.Audit;
using Ariane.Web.Features.Shared;
using Ariane.Web.Infrastructure.Modules;

namespace Ariane.Web.IntegrationTests.Audit;

/// <summary>
/// The DPO reads the audit in French: every event type has a French label, not its code name. Labels come
/// from the module that owns the event, in the block of numbers that module reserved; blocks never overlap,
/// neither each other nor the ones kept for the modules to come (numbers are stored: a clash is forever).
/// </summary>
public sealed class AuditLabelTests
{
    [Fact]
    public void Every_audit_event_type_has_a_french_label()
    {
        var missing = Enum.GetValues<AuditEventType>()
            .Where(t => !ModuleCatalogue.HasLabel(t) || Format.EventType(t) == t.ToString() || string.IsNullOrWhiteSpace(Format.EventType(t)))
            .ToList();
        Assert.True(missing.Count == 0, "No French label for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_event_number_lies_in_the_block_of_the_module_that_labels_it()
    {
        var blocks = ModuleCatalogue.AuditBlocks;
        Assert.True(blocks.Count >= 5, $"only {blocks.Count} audit blocks declared");
        var problems = new List<string>();
        foreach (var type in Enum.GetValues<AuditEventType>())
        {
            var owners = blocks.Where(b => b.Block.Contains((int)type)).ToList();
            if (owners.Count != 1)
            {
                problems.Add($"{type} ({(int)type}) lies in {owners.Count} declared blocks");
            }
            else if (!owners[0].Block.Labels.ContainsKey(type))
            {
                problems.Add($"{type} ({(int)type}) lies in block « {owners[0].Block.Name} » of {owners[0].Module.GetType().Name}, which does not label it");
            }
        }

        foreach (var (module, block) in blocks)
        {
            problems.AddRange(block.Labels.Keys.Where(t => !block.Contains((int)t))
                .Select(t => $"{module.GetType().Name} labels {t} ({(int)t}) outside its block {block.First}–{block.Last}"));
            if (block.First > block.Last || string.IsNullOrWhiteSpace(block.Name))
            {
                problems.Add($"{module.GetType().Name} declares an empty or unnamed block {block.First}–{block.Last}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Blocks_do_not_overlap_each_other_nor_the_blocks_reserved_for_coming_modules()
    {
        var all = ModuleCatalogue.AuditBlocks.Select(b => (Name: $"{b.Module.GetType().Name} « {b.Block.Name} »", b.Block.First, b.Block.Last))
            .Concat(ReservedAuditBlocks.All.Select(r => (Name: $"reserved for {r.Module}", r.First, r.Last)))
            .ToList();
        Assert.Contains(all, b => b.Name.Contains("Concerns", StringComparison.Ordinal));
        var clashes = (from a in all
                       from b in all
                       where string.CompareOrdinal(a.Name, b.Name) < 0 && a.First <= b.Last && b.First <= a.Last
                       select $"{a.Name} {a.First}–{a.Last} overlaps {b.Name} {b.First}–{b.Last}").ToList();
        Assert.True(clashes.Count == 0, string.Join('\n', clashes));
    }
}
