using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Text.RegularExpressions;
using GsoHitService.Cli.Demo;

namespace GsoHitService.EndToEnd.Tests.Demo;

/// <summary>A demo stopped half-way, as with Ctrl+C, still stops its hosts and deletes its folder.</summary>
public sealed partial class DemoCancellationTests
{
    [Fact]
    public async Task Run_CancelledWhileHostsRun_CleansUp()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var output = new CancellingWriter("7. ", cancellation);
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DemoRunner(new DemoOptions(), output).RunAsync(cancellation.Token));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var text = output.ToString();
        var folder = FolderLine().Match(text);
        var port = CoordinatorPort().Match(text);
        Assert.True(folder.Success, $"The output does not name the folder:\n{text}");
        Assert.True(port.Success, $"The output does not name the coordinator's port:\n{text}");
        Assert.False(Directory.Exists(folder.Groups["path"].Value), "The temporary folder is still there.");
        Assert.Contains("Alles is gestopt en de tijdelijke map is verwijderd.", text, StringComparison.Ordinal);
        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        Assert.DoesNotContain(listeners, listener => listener.Port == int.Parse(port.Groups["port"].Value, CultureInfo.InvariantCulture) && IPAddress.IsLoopback(listener.Address));
    }

    [GeneratedRegex(@"^1\. Tijdelijke map aangemaakt: (?<path>.+?)\r?$", RegexOptions.Multiline)]
    private static partial Regex FolderLine();

    [GeneratedRegex(@"de coördinator luistert op poort (?<port>\d+)")]
    private static partial Regex CoordinatorPort();

    /// <summary>Cancels the run as soon as it announces the step that starts with <paramref name="stepPrefix"/>.</summary>
    private sealed class CancellingWriter(string stepPrefix, CancellationTokenSource cancellation) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.StartsWith(stepPrefix, StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        }
    }
}
