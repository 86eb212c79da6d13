using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ariane.Web.Features.Shared;

/// <summary>
/// Every date field of every form is the same text field: JJ/MM/AAAA, numeric keyboard on phones, the value
/// shown as 12/03/2015 (or what the user typed, when the form comes back with an error). Applies by itself to an
/// &lt;input asp-for&gt; bound to a DateOnly, and to an &lt;input french-date&gt; without asp-for.
/// Runs after ASP.NET's input tag helper, whose type="date" and ISO value it replaces.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = "french-date")]
public sealed class FrenchDateInputTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    /// <summary>For inputs without asp-for: marks the field as a French date (the value is given by the page, as JJ/MM/AAAA).</summary>
    [HtmlAttributeName("french-date")]
    public bool FrenchDate { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (For is not null)
        {
            var type = Nullable.GetUnderlyingType(For.Metadata.ModelType) ?? For.Metadata.ModelType;
            if (type != typeof(DateOnly))
            {
                return;
            }

            // What the user typed comes back as typed; otherwise the stored date in French.
            var attempted = ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) ? entry.AttemptedValue : null;
            output.Attributes.SetAttribute("value", attempted ?? Format.Date(For.Model as DateOnly?));
        }
        else if (!FrenchDate)
        {
            return;
        }

        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("placeholder", FrenchDates.Pattern);
        output.Attributes.SetAttribute("maxlength", "10");
        output.Attributes.SetAttribute("autocomplete", "off");
        // min/max of a date input mean nothing to a text field.
        output.Attributes.RemoveAll("min");
        output.Attributes.RemoveAll("max");
    }
}
