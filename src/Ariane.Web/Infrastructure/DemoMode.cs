using Ariane.Web.Features.Demo;

namespace Ariane.Web.Infrastructure;

/// <summary>`--demo` on the command line: demo data and accounts, second factor optional. Never in production.</summary>
public static class DemoMode
{
    public static string[] Apply(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Contains("--demo"))
        {
            return args;
        }

        // Plain console logs: a person is reading them, not a log collector.
        return [.. args.Where(a => a != "--demo"), "--Demo:Enabled=true", "--Security:RequireTwoFactor=false", "--Logging:Console:FormatterName=simple", "--environment=Demo"];
    }

    public static void PrintAccounts(IReadOnlyList<DemoAccount> accounts, string password, ICollection<string> urls)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(urls);
        Console.WriteLine();
        Console.WriteLine("=== Ariane — mode démonstration (Département de la Vallée, données fictives) ===");
        Console.WriteLine($"Mot de passe de tous les comptes de démonstration : {password}");
        foreach (var account in accounts)
        {
            Console.WriteLine($"  {account.UserName,-20} {account.RoleName} — {account.ServiceName}");
        }

        Console.WriteLine("Ouvrez l'adresse indiquée par « Now listening on » ci-dessous.");
        Console.WriteLine();
    }
}
