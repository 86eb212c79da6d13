using Ariane.Web.Infrastructure;
using Ariane.Web.Infrastructure.Modules;
using Ariane.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariane.Web.IntegrationTests.Modules;

/// <summary>
/// Modules plug in: each feature folder declares one module; what a module declares is real (its links open
/// pages, its handlers are registered); and the central files (startup, layout, enrolment filter) name no
/// module, so that adding one touches none of them.
/// </summary>
public sealed class ModuleTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_feature_folder_declares_exactly_one_module()
    {
        var assembly = typeof(ModuleCatalogue).Assembly;
        var folders = assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("Ariane.Web.Features.", StringComparison.Ordinal))
            .Select(n => n!.Split('.')[3])
            .Where(f => f != "Shared")
            .Distinct()
            .ToList();
        Assert.Contains("Children", folders);
        var wrong = folders
            .Select(f => (Folder: f, Count: ModuleCatalogue.Modules.Count(m => m.GetType().Namespace == $"Ariane.Web.Features.{f}")))
            .Where(x => x.Count != 1)
            .Select(x => $"Features/{x.Folder}: {x.Count} modules")
            .ToList();
        Assert.True(wrong.Count == 0, "Each feature folder needs one *Module.cs:\n" + string.Join('\n', wrong));
        Assert.All(ModuleCatalogue.Modules, m => Assert.EndsWith("Module", m.GetType().Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_navigation_entry_points_to_a_page_of_its_module()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("/Children", pages);
        var problems = new List<string>();
        foreach (var module in ModuleCatalogue.Modules)
        {
            var folder = module.GetType().Namespace!.Split('.')[^1];
            foreach (var entry in module.Navigation)
            {
                if (!pages.Contains(entry.Href))
                {
                    problems.Add($"{module.GetType().Name}: « {entry.Label} » → {entry.Href} is no page");
                }
                else if (!entry.Href.StartsWith($"/{folder}", StringComparison.Ordinal))
                {
                    problems.Add($"{module.GetType().Name}: « {entry.Label} » → {entry.Href} is another module's page");
                }
            }
        }

        var orders = ModuleCatalogue.Navigation.GroupBy(e => e.Order).Where(g => g.Count() > 1).Select(g => $"order {g.Key} used twice");
        problems.AddRange(orders);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_service_a_page_needs_is_registered_by_some_module()
    {
        var known = app.Services.GetRequiredService<IServiceProviderIsService>();
        var missing = typeof(ModuleCatalogue).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Page: t.Name, p.ParameterType)))
            .Where(x => !known.IsService(x.ParameterType))
            .Select(x => $"{x.Page} needs {x.ParameterType.Name}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "Not registered (add it to the module's AddServices):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Only_the_first_step_pages_are_reachable_before_enrolment()
    {
        var marked = typeof(ModuleCatalogue).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(AllowedBeforeEnrolmentAttribute), inherit: false))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["AccessDeniedModel", "ChangePasswordModel", "EnableAuthenticatorModel", "ErrorModel", "LoginModel", "LoginWith2faModel",
             "LoginWithRecoveryCodeModel", "LogoutModel", "RecoveryCodesModel"],
            marked);
    }

    [Fact]
    public void The_startup_the_layout_and_the_enrolment_filter_name_no_module()
    {
        var program = Source("src/Ariane.Web/Program.cs");
        var layout = Source("src/Ariane.Web/Features/Shared/_Layout.cshtml");
        var filter = Source("src/Ariane.Web/Infrastructure/TwoFactorEnrolmentFilter.cs");
        var problems = new List<string>();
        foreach (var module in ModuleCatalogue.Modules)
        {
            var name = module.GetType().Name;
            var folder = module.GetType().Namespace!.Split('.')[^1];
            if (program.Contains(name, StringComparison.Ordinal) || program.Contains($"Features.{folder}", StringComparison.Ordinal))
            {
                problems.Add($"Program.cs names {name}");
            }

            problems.AddRange(module.Navigation.Where(e => layout.Contains($"\"{e.Href}\"", StringComparison.OrdinalIgnoreCase))
                .Select(e => $"_Layout.cshtml links {e.Href} itself"));
        }

        if (layout.Contains("Permission.", StringComparison.Ordinal))
        {
            problems.Add("_Layout.cshtml tests permissions itself");
        }

        // The filter redirects to the two first-step pages, but keeps no list of the pages allowed.
        if (filter.Split("/Account/").Length - 1 > 2)
        {
            problems.Add("TwoFactorEnrolmentFilter.cs lists pages");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static string Source(string path) => File.ReadAllText(Path.Combine(Root, path));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ariane.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Ariane.slnx not found above " + AppContext.BaseDirectory);
    }
}
