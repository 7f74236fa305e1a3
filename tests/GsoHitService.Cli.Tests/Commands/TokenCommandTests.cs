using System.Text.Json;

namespace GsoHitService.Cli.Tests.Commands;

/// <summary>
/// <c>gso token</c> through the real command tree with a real key file. The key is the public test
/// key of docs/token-vectors.json, so the printed tokens must be the published ones.
/// </summary>
public sealed class TokenCommandTests : IDisposable
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Commands", "token-vectors.json"))).RootElement;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string, string> PublishedTokens
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var vector in Vectors.GetProperty("vectors").EnumerateArray())
            {
                data.Add(vector.GetProperty("name").GetString()!, vector.GetProperty("input").GetString()!, vector.GetProperty("token").GetString()!);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PublishedTokens))]
    public void Token_VectorInput_PrintsPublishedToken(string type, string value, string token)
    {
        var keyPath = WriteTestKeyFile();

        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", type, value);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Equal(token + Environment.NewLine, output);
    }

    [Fact]
    public void Token_InvalidValue_PrintsDutchMessage()
    {
        var keyPath = WriteTestKeyFile();

        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "999990018");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal("BSN: de elfproef klopt niet, dus het nummer is ongeldig. Controleer de cijfers op een tikfout." + Environment.NewLine, error);
    }

    [Fact]
    public void Token_EnglishCulture_PrintsEnglishMessage()
    {
        var keyPath = WriteTestKeyFile();

        var (exitCode, _, error) = CommandRun.Gso("en-GB", "token", "--key", keyPath, "--type", "bsn", "999990018");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("BSN:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("elfproef klopt niet", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_InvalidValue_NeverEchoesValue()
    {
        var keyPath = WriteTestKeyFile();

        var (_, _, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "999990018");

        Assert.DoesNotContain("999990018", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_UnknownType_ExitsOne()
    {
        var keyPath = WriteTestKeyFile();

        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "paspoort", "X");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Onbekend type 'paspoort'. Geldige typen: bsn, rsin,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_MissingKeyFile_ExitsTwo()
    {
        var keyPath = _folder.File("missing.key");

        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "999990019");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"Het sleutelbestand {keyPath} bestaat niet. Controleer het pad, of maak een sleutel met 'gso keys new --out {keyPath}'.{Environment.NewLine}", error);
    }

    [Fact]
    public void Token_KeyFileReadableByOthers_ExitsTwo()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var keyPath = WriteTestKeyFile();
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "999990019");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"Het sleutelbestand {keyPath} is ook toegankelijk voor andere accounts", error, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {keyPath}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_EditedKeyFile_ReportsMismatch()
    {
        var keyPath = WriteKeyFile("1" + VectorKeyHex[1..], VectorCheckValue);

        var (exitCode, output, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "999990019");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"De sleutel in {keyPath} past niet bij de controlewaarde", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_NotAKeyFile_ExitsTwo()
    {
        var keyPath = _folder.File("notes.txt");
        WriteOwnerOnly(keyPath, "dit is geen sleutel\n");

        var (exitCode, _, error) = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "999990019");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"Het bestand {keyPath} is geen geldig sleutelbestand.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_NewKey_IsDeterministic()
    {
        var keyPath = _folder.File("new.key");
        CommandRun.Gso("nl-NL", "keys", "new", "--out", keyPath);

        var first = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "9999.90.019");
        var second = CommandRun.Gso("nl-NL", "token", "--key", keyPath, "--type", "bsn", "999990019");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    private static string VectorKeyHex => Vectors.GetProperty("key").GetProperty("hex").GetString()!;

    private static string VectorCheckValue => Vectors.GetProperty("key").GetProperty("check").GetString()!;

    private string WriteTestKeyFile() => WriteKeyFile(VectorKeyHex, VectorCheckValue);

    private string WriteKeyFile(string keyHex, string checkValue)
    {
        var path = _folder.File($"{Guid.NewGuid():N}.key");
        WriteOwnerOnly(path, $"format: gso-matching-key/1\nepoch: test-vectors\nkey: {keyHex}\ncheck: {checkValue}\n");
        return path;
    }

    private static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(content));
    }
}
