using System.Diagnostics;

namespace GsoHitService.Hosting.Tests.Deploy;

/// <summary>
/// The Windows install scripts cannot run here, but PowerShell's own parser can read them, so a
/// syntax error or broken comment-based help shows up before an administrator runs the script.
/// Needs <c>pwsh</c> on the path: skipped without it on a developer machine, failed when the
/// environment variable <c>CI</c> is set, because .ci/run installs it.
/// </summary>
public sealed class WindowsInstallScriptTests
{
    public static TheoryData<string> Scripts => ["Install-GsoAgent.ps1", "Install-GsoCoordinator.ps1"];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_Parses_WithoutErrors(string script)
    {
        var output = await RunPowerShellAsync(
            $"$errors = $null; $null = [System.Management.Automation.Language.Parser]::ParseFile('{ScriptPath(script)}', [ref]$null, [ref]$errors); " +
            "$errors | ForEach-Object { 'ERROR ' + $_.ToString() }; 'parsed'");

        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        Assert.Contains("parsed", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_Help_DescribesActionParameter(string script)
    {
        var output = await RunPowerShellAsync($"(Get-Help '{ScriptPath(script)}').Synopsis; Get-Help '{ScriptPath(script)}' -Parameter Action | Out-String -Width 200");

        Assert.StartsWith("Installs or removes the GSO Hit Service", output, StringComparison.Ordinal);
        Assert.Contains("Uninstall", output, StringComparison.Ordinal);
    }

    private static string ScriptPath(string script)
    {
        // The test runs from tests/<project>/bin/<configuration>/<framework>; the scripts stay in the repository.
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GsoHitService.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "deploy", "windows", script);
    }

    private static async Task<string> RunPowerShellAsync(string command)
    {
        // Plain text: PowerShell colours its errors with escape codes, which the test report cannot carry.
        var start = new ProcessStartInfo("pwsh", ["-NoProfile", "-NonInteractive", "-Command", "$PSStyle.OutputRendering = 'PlainText'; " + command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }

        if (process is null)
        {
            const string message = "PowerShell (pwsh) is not installed; install it with 'dotnet tool install --global PowerShell --version 7.6.10'.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail($"{message} CI is set, so the test fails instead of being skipped: .ci/run must install it.");
            }

            Assert.Skip(message);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, $"pwsh exited with {process.ExitCode}: {await errors}");
            return await output;
        }
    }
}
