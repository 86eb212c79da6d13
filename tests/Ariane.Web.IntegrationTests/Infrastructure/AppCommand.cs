using System.Diagnostics;

namespace Ariane.Web.IntegrationTests.Infrastructure;

/// <summary>Runs the real Ariane.Web executable with an operator command (migrate, verify-audit) on the app's database.</summary>
public static class AppCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(ArianeApp app, params string[] command)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var word in command)
        {
            start.ArgumentList.Add(word);
        }

        foreach (var (key, value) in app.Settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
