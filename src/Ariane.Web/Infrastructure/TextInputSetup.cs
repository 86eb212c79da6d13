using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using Ariane.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Infrastructure;

/// <summary>
/// Applies <see cref="TextRules"/> to every text a request brings, wherever it is bound: the Razor Pages
/// model binder (forms, query strings, route values), an endpoint filter over the bound arguments of the
/// API (JSON bodies, query strings, route values), and <see cref="Validation.Check"/> in every use case as
/// the backstop. A refused text answers 400 with a French field error, before any handler reads or writes.
/// </summary>
public static class TextInputSetup
{
    internal const string RefusedKey = "Ariane.TextInputRefused";

    public static IServiceCollection AddTextInputRules(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(o =>
        {
            o.ModelBinderProviders.Insert(0, new TextModelBinderProvider());
            o.Filters.Add(new TextInputPageFilter());
        });
        return services;
    }

    /// <summary>Checks the text of every bound argument of the endpoints of <paramref name="builder"/> (call it on the API group).</summary>
    public static TBuilder ValidateTextInput<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var isService = factory.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
            var inputs = factory.MethodInfo.GetParameters()
                .Select((p, i) => (Parameter: p, Index: i))
                .Where(x => TextInput.IsInput(x.Parameter, isService))
                .Select(x => (x.Index, Path: x.Parameter.ParameterType == typeof(string) ? TextInput.ParameterName(x.Parameter) : string.Empty,
                    MultiLine: x.Parameter.IsDefined(typeof(MultiLineAttribute))))
                .ToArray();
            if (inputs.Length == 0)
            {
                return next;
            }

            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                foreach (var (index, path, multiLine) in inputs)
                {
                    TextInput.Collect(context.Arguments[index], path, multiLine, null, errors);
                }

                return errors.Count > 0
                    ? TypedResults.ValidationProblem(errors, title: "Les données envoyées ne sont pas valides.")
                    : await next(context);
            };
        });
}

/// <summary>Walks a bound object graph and reports every text that <see cref="TextRules"/> refuses, keyed by its camelCase path.</summary>
public static class TextInput
{
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, TextMember[]> Members = new();

    /// <summary>Adds to <paramref name="errors"/> an error for each refused text in <paramref name="value"/>.</summary>
    public static void Collect(object? value, string path, bool multiLine, string? displayName, Dictionary<string, string[]> errors, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextRules.Find(text, multiLine) is { } problem)
                {
                    Validation.Add(errors, path, problem.Message(displayName));
                }

                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key.ToString() ?? string.Empty;
                    Collect(entry.Key, path, false, displayName, errors, depth + 1);
                    Collect(entry.Value, Join(path, key), multiLine, displayName, errors, depth + 1);
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var i = 0;
                foreach (var item in items)
                {
                    Collect(item, $"{path}[{i++}]", multiLine, displayName, errors, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || !IsOwnType(type))
        {
            return;
        }

        foreach (var member in Members.GetOrAdd(type, Describe))
        {
            Collect(member.Property.GetValue(value), Join(path, member.Name), member.MultiLine, member.DisplayName, errors, depth + 1);
        }
    }

    /// <summary>An argument that comes from the request (not a service, not the context): text, or one of our input types.</summary>
    internal static bool IsInput(ParameterInfo parameter, Microsoft.Extensions.DependencyInjection.IServiceProviderIsService? isService)
    {
        var type = parameter.ParameterType;
        if (parameter.IsDefined(typeof(FromServicesAttribute)) || isService?.IsService(type) == true)
        {
            return false;
        }

        return type == typeof(string) || type == typeof(string[]) || (IsOwnType(type) && !type.IsEnum);
    }

    internal static string ParameterName(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name
        ?? parameter.Name
        ?? string.Empty;

    // Only the application's own types are walked: framework types hold no typed text.
    private static bool IsOwnType(Type type) =>
        type.Namespace?.StartsWith("Ariane.", StringComparison.Ordinal) == true && !type.IsPrimitive;

    private static string Join(string path, string name) => string.IsNullOrEmpty(path) ? name : $"{path}.{name}";

    private static TextMember[] Describe(Type type)
    {
        var multiLineParameters = type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.IsDefined(typeof(MultiLineAttribute)))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
            .Select(p => new TextMember(
                p,
                p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? ToCamel(p.Name),
                p.IsDefined(typeof(MultiLineAttribute)) || multiLineParameters.Contains(p.Name),
                p.GetCustomAttribute<DisplayAttribute>()?.GetName()))
            .ToArray();
    }

    private static string ToCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record TextMember(PropertyInfo Property, string Name, bool MultiLine, string? DisplayName);
}

/// <summary>
/// Razor Pages: every text bound from a form, the query string or the route is checked as it is bound;
/// a refused text becomes a field error next to its field (the value is kept so the form shows what was typed,
/// and the use case's <see cref="Validation.Check"/> refuses it again if a page forgot to look at ModelState).
/// </summary>
internal sealed class TextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var source = context.BindingInfo.BindingSource;
        if (context.Metadata.ModelType != typeof(string) || context.BindingInfo.BinderType is not null
            || !(source is null || source == BindingSource.Query || source == BindingSource.Form || source == BindingSource.Path
                || source == BindingSource.ModelBinding || source == BindingSource.Custom))
        {
            return null;
        }

        var multiLine = context.Metadata is DefaultModelMetadata metadata && metadata.Attributes.Attributes.OfType<MultiLineAttribute>().Any();
        return new TextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()), multiLine);
    }
}

internal sealed class TextModelBinder(IModelBinder inner, bool multiLine) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text && TextRules.Find(text, multiLine) is { } problem)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, problem.Message(bindingContext.ModelMetadata.DisplayName));
            bindingContext.HttpContext.Items[TextInputSetup.RefusedKey] = true;
        }
    }
}

/// <summary>A page re-shown because of a refused text answers 400, like the API.</summary>
internal sealed class TextInputPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Result is PageResult page && executed.HttpContext.Items.ContainsKey(TextInputSetup.RefusedKey))
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
