using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// Reads what a service writes to standard output under systemd, where the console logger uses
/// its systemd format: one line per entry, starting with the journal priority (<c>&lt;6&gt;</c> is
/// informational), then the timestamp when one is configured, then category, event id and message.
/// </summary>
internal static class JournalOutput
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z' ";

    /// <summary>
    /// The <c>Logging</c> settings section that adds a UTC timestamp with microseconds to every
    /// console line, as an operator could configure it.
    /// </summary>
    public static JsonObject TimestampedLogging() => new()
    {
        ["Console"] = new JsonObject
        {
            ["FormatterOptions"] = new JsonObject { ["TimestampFormat"] = TimestampFormat, ["UseUtcTimestamp"] = true },
        },
    };

    /// <summary>
    /// Returns when the start-up self-test logged "Listening on <paramref name="endpoint"/>",
    /// which it does after Kestrel listens there and a mutual TLS handshake on it succeeded.
    /// </summary>
    public static DateTimeOffset FindListeningLoggedAt(string output, string endpoint)
    {
        var pattern = $@"^<6>(?<time>\S+) GsoHitService\.Hosting\.Internal\.StartupSelfTest\[1003\] Listening on {Regex.Escape(endpoint)} ";
        var match = Regex.Match(output, pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(5));
        Assert.True(match.Success, $"No informational, timestamped 'Listening on {endpoint}' line of the start-up self-test in the output:\n{output}");
        return DateTimeOffset.ParseExact(match.Groups["time"].Value + " ", TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
