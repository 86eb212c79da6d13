using Ariane.Core.Documents;

namespace Ariane.Web.Features.Documents;

/// <summary>A block of a generated document: what both renderers (PDF, DOCX) know how to print.</summary>
public abstract record DocumentBlock;

public sealed record HeadingBlock(string Text) : DocumentBlock;

/// <summary>A paragraph; <paramref name="Label"/> is printed before it in bold; <paramref name="Tag"/> marks it for redaction.</summary>
public sealed record ParagraphBlock(string Text, string? Label = null, RedactionTag? Tag = null) : DocumentBlock;

public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>A document ready to render: the template's header, footer and logo, a title, the blocks.</summary>
public sealed record DocumentContent(string Header, string Footer, byte[]? Logo, string Title, IReadOnlyList<DocumentBlock> Blocks)
{
    public IReadOnlyList<RedactionTag> RedactionTags =>
        [.. Blocks.OfType<ParagraphBlock>().Where(p => p.Tag is not null).Select(p => p.Tag!)];
}
