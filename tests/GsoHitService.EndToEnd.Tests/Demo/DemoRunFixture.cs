using System.Globalization;
using System.Text.RegularExpressions;
using GsoHitService.Cli.Demo;

namespace GsoHitService.EndToEnd.Tests.Demo;

/// <summary>
/// One run of the demo scenario through <see cref="DemoRunner"/>, the code behind <c>gso demo</c>:
/// real agents and coordinator on Kestrel at 127.0.0.1, a real SQLite file and real audit logs.
/// The folder is kept so that the tests can read the database and the logs, and deleted afterwards.
/// </summary>
public sealed partial class DemoRunFixture : IAsyncLifetime
{
    private DemoResult? _result;

    internal DemoResult Result => _result ?? throw new InvalidOperationException("The demo has not run.");

    /// <summary>Everything the run wrote to stdout.</summary>
    public string Output { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        using var output = new StringWriter();
        try
        {
            _result = await new DemoRunner(new DemoOptions(Keep: true), output).RunAsync(TestContext.Current.CancellationToken);
            Output = output.ToString();
        }
        catch
        {
            // A failed run keeps its folder too (Keep is set), and only the output names it.
            DeleteFolderNamedIn(output.ToString());
            throw;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_result is not null && Directory.Exists(_result.Folder))
        {
            Directory.Delete(_result.Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static void DeleteFolderNamedIn(string output)
    {
        var line = FolderLine().Match(output);
        if (line.Success && Directory.Exists(line.Groups["path"].Value))
        {
            Directory.Delete(line.Groups["path"].Value, recursive: true);
        }
    }

    [GeneratedRegex(@"^1\. Tijdelijke map aangemaakt: (?<path>.+?)\r?$", RegexOptions.Multiline)]
    private static partial Regex FolderLine();
}
