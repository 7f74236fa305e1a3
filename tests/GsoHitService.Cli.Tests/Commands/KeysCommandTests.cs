using System.CommandLine;
using GsoHitService.Cli.Commands;
using GsoHitService.Matching;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Cli.Tests.Commands;

/// <summary><c>gso keys new</c> through the real command tree, writing real files.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void New_WithEpoch_WritesReadableKeyFile()
    {
        var path = _folder.File("matching.key");

        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "keys", "new", "--out", path, "--epoch", "2027-01");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        using var key = MatchingKeyFile.Read(path);
        Assert.Equal("2027-01", key.EpochId);
    }

    [Fact]
    public void New_WritesFileWithOwnerOnlyMode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var path = _folder.File("matching.key");

        CommandRun.Gso("nl-NL", "keys", "new", "--out", path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void New_PrintsDutchConfirmationWithCheckValue()
    {
        var path = _folder.File("matching.key");

        var (_, output, _) = CommandRun.Gso("nl-NL", "keys", "new", "--out", path, "--epoch", "2027-01");

        using var key = MatchingKeyFile.Read(path);
        Assert.StartsWith($"Matchsleutel voor periode 2027-01 geschreven naar {path}.", output, StringComparison.Ordinal);
        Assert.Contains($"Controlewaarde: {key.CheckValue}.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_EnglishCulture_PrintsEnglishConfirmation()
    {
        var path = _folder.File("matching.key");

        var (_, output, _) = CommandRun.Gso("en-GB", "keys", "new", "--out", path, "--epoch", "2027-01");

        Assert.StartsWith($"Matching key for epoch 2027-01 written to {path}.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_Output_NeverContainsKeyBytes()
    {
        var path = _folder.File("matching.key");

        var (_, output, _) = CommandRun.Gso("nl-NL", "keys", "new", "--out", path);

        var keyLine = File.ReadAllLines(path).Single(line => line.StartsWith("key: ", StringComparison.Ordinal));
        Assert.DoesNotContain(keyLine["key: ".Length..][..16], output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void New_WithoutEpoch_UsesCurrentMonth()
    {
        var path = _folder.File("matching.key");
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var root = new RootCommand { KeysCommand.Create(clock) };

        var (exitCode, _, _) = CommandRun.Invoke(root, "nl-NL", "keys", "new", "--out", path);

        Assert.Equal(0, exitCode);
        using var key = MatchingKeyFile.Read(path);
        Assert.Equal("2027-03", key.EpochId);
    }

    [Fact]
    public void New_ExistingFile_ExitsTwoAndKeepsFile()
    {
        var path = _folder.File("matching.key");
        File.WriteAllText(path, "old content");

        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "keys", "new", "--out", path);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"Het bestand {path} bestaat al en wordt nooit overschreven. Kies een ander pad, of verplaats het oude bestand als geen installatie die sleutel nog nodig heeft.{Environment.NewLine}", error);
        Assert.Equal("old content", File.ReadAllText(path));
    }

    [Fact]
    public void New_MissingFolder_ExitsThree()
    {
        var path = Path.Combine(_folder.Path, "missing", "matching.key");

        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "keys", "new", "--out", path);

        Assert.Equal(3, exitCode);
        Assert.StartsWith($"Het sleutelbestand {path} kan niet worden geschreven.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027/01")]
    [InlineData("-1")]
    [InlineData("periode met spaties")]
    public void New_InvalidEpoch_ExitsTwoWithoutFile(string epochId)
    {
        var path = _folder.File("matching.key");

        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "keys", "new", "--out", path, "--epoch", epochId);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"Ongeldige sleutelperiode '{epochId}'.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void New_WithoutOut_ExitsOne()
    {
        var (exitCode, _, _) = CommandRun.Gso("nl-NL", "keys", "new");

        Assert.Equal(1, exitCode);
    }
}
