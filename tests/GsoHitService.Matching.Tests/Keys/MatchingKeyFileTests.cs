using System.Text;
using GsoHitService.Matching.Tests.Tokens;

namespace GsoHitService.Matching.Tests.Keys;

/// <summary>Key-file permissions and format. The permission tests use Unix modes and skip on Windows.</summary>
public sealed class MatchingKeyFileTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Write_ThenRead_GivesKeyWithSameTokens()
    {
        var path = _directory.File("matching.key");
        using var written = MatchingKey.Generate("2026-12");
        MatchingKeyFile.Write(path, written);

        using var read = MatchingKeyFile.Read(path);

        using var writtenTokenizer = new MatchTokenizer(written);
        using var readTokenizer = new MatchTokenizer(read);
        var identifier = new CanonicalIdentifier(IdentifierType.Bsn, ["999990019"]);
        Assert.Equal(writtenTokenizer.ComputeToken(identifier), readTokenizer.ComputeToken(identifier));
    }

    [Fact]
    public void Write_ThenRead_KeepsEpochId()
    {
        var path = _directory.File("matching.key");
        using var written = MatchingKey.Generate("2026-12");
        MatchingKeyFile.Write(path, written);

        using var read = MatchingKeyFile.Read(path);

        Assert.Equal("2026-12", read.EpochId);
    }

    [Fact]
    public void Write_NewFile_HasOwnerOnlyMode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var path = _directory.File("matching.key");
        using var key = MatchingKey.Generate("2026-12");

        MatchingKeyFile.Write(path, key);

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Write_TestVectorKey_WritesDocumentedFormat()
    {
        var path = _directory.File("matching.key");
        using var key = TestKeys.VectorKey();

        MatchingKeyFile.Write(path, key);

        var lines = File.ReadAllLines(path).Where(line => !line.StartsWith('#')).ToArray();
        Assert.Equal(
            [
                "format: gso-matching-key/1",
                "epoch: test-vectors",
                "key: 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "check: f903108d0de04479",
            ],
            lines);
    }

    [Fact]
    public void Write_ExistingFile_ThrowsAndKeepsFile()
    {
        var path = _directory.File("matching.key");
        File.WriteAllText(path, "old content");
        using var key = MatchingKey.Generate("2026-12");

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Write(path, key));

        Assert.Equal(MatchingKeyFileProblem.AlreadyExists, exception.Problem);
        Assert.Equal("old content", File.ReadAllText(path));
    }

    [Fact]
    public void Write_MissingFolder_ThrowsWriteFailed()
    {
        var path = Path.Combine(_directory.Path, "missing", "matching.key");
        using var key = MatchingKey.Generate("2026-12");

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Write(path, key));

        Assert.Equal(MatchingKeyFileProblem.WriteFailed, exception.Problem);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNotFound()
    {
        var path = _directory.File("missing.key");

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Read(path));

        Assert.Equal(MatchingKeyFileProblem.NotFound, exception.Problem);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("gso keys new", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.OtherExecute)]
    public void Read_AccessibleByGroupOrOthers_ThrowsAccessTooWide(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var path = WriteKeyFile();
        File.SetUnixFileMode(path, mode);

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Read(path));

        Assert.Equal(MatchingKeyFileProblem.AccessTooWide, exception.Problem);
        Assert.Contains($"chmod 600 {path}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OwnerReadOnly_Accepts()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var path = WriteKeyFile();
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        using var key = MatchingKeyFile.Read(path);

        Assert.Equal("2026-12", key.EpochId);
    }

    [Fact]
    public void Read_CrlfLinesAndComments_Accepts()
    {
        var path = WriteOwnerOnly(
            "# comment\r\n\r\nformat: gso-matching-key/1\r\n  epoch:   test-vectors  \r\nkey: " +
            "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F\r\ncheck: f903108d0de04479\r\n");

        using var key = MatchingKeyFile.Read(path);

        using var tokenizer = new MatchTokenizer(key);
        using var expected = TestKeys.VectorKey();
        using var expectedTokenizer = new MatchTokenizer(expected);
        var identifier = new CanonicalIdentifier(IdentifierType.Bsn, ["999990019"]);
        Assert.Equal(expectedTokenizer.ComputeToken(identifier), tokenizer.ComputeToken(identifier));
    }

    public static TheoryData<string, string> InvalidFiles => new()
    {
        { "", "the 'format' line is missing" },
        { "epoch: 2026-12\nkey: " + ValidKeyHex + "\ncheck: " + ValidCheck + "\n", "the 'format' line is missing" },
        { "format: gso-matching-key/1\nkey: " + ValidKeyHex + "\ncheck: " + ValidCheck + "\n", "the 'epoch' line is missing" },
        { "format: gso-matching-key/1\nepoch: test-vectors\ncheck: " + ValidCheck + "\n", "the 'key' line is missing" },
        { "format: gso-matching-key/1\nepoch: test-vectors\nkey: " + ValidKeyHex + "\n", "the 'check' line is missing" },
        { "format: gso-matching-key/1\nepoch: test vectors\nkey: " + ValidKeyHex + "\ncheck: " + ValidCheck + "\n", "epoch id 'test vectors' is not valid" },
        { "format: gso-matching-key/1\nepoch: test-vectors\nkey: " + ValidKeyHex[..62] + "\ncheck: " + ValidCheck + "\n", "the key is not 64 hexadecimal digits" },
        { "format: gso-matching-key/1\nepoch: test-vectors\nkey: " + ValidKeyHex[..62] + "zz\ncheck: " + ValidCheck + "\n", "the key is not 64 hexadecimal digits" },
        { "format: gso-matching-key/1\nepoch: test-vectors\nkey: " + ValidKeyHex + "\ncheck: f903\n", "the check value is not 16 hexadecimal digits" },
        { "format: gso-matching-key/1\nformat: gso-matching-key/1\n", "line 2 repeats the field 'format'" },
        { "format: gso-matching-key/1\nsecret: 1\n", "line 2 has an unknown field name" },
        { "format: gso-matching-key/1\n" + ValidKeyHex + "\n", "line 2 is not of the form 'name: value'" },
        { "format: gso-matching-key/1\nepoch: tëst\n", "characters outside ASCII" },
        { new string('#', 5000), "larger than 4096 bytes" },
    };

    private const string ValidKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private const string ValidCheck = "f903108d0de04479";

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Read_InvalidFormat_ThrowsNamingFileAndReason(string content, string reason)
    {
        var path = WriteOwnerOnly(content);

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Read(path));

        Assert.Equal(MatchingKeyFileProblem.InvalidFormat, exception.Problem);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Read_InvalidFormat_MessageHasNoKeyMaterial(string content, string reason)
    {
        _ = reason;
        var path = WriteOwnerOnly(content);

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Read(path));

        Assert.DoesNotContain(ValidKeyHex[..16], exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_UnknownFormatVersion_ThrowsNamingSupportedVersion()
    {
        var path = WriteOwnerOnly("format: gso-matching-key/2\nepoch: test-vectors\nkey: " + ValidKeyHex + "\ncheck: " + ValidCheck + "\n");

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Read(path));

        Assert.Equal(MatchingKeyFileProblem.InvalidFormat, exception.Problem);
        Assert.Contains("reads only 'gso-matching-key/1'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EditedKey_ThrowsCheckValueMismatch()
    {
        var edited = "1" + ValidKeyHex[1..];
        var path = WriteOwnerOnly("format: gso-matching-key/1\nepoch: test-vectors\nkey: " + edited + "\ncheck: " + ValidCheck + "\n");

        var exception = Assert.Throws<MatchingKeyFileException>(() => MatchingKeyFile.Read(path));

        Assert.Equal(MatchingKeyFileProblem.CheckValueMismatch, exception.Problem);
        Assert.DoesNotContain(edited[..16], exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    private string WriteKeyFile()
    {
        var path = _directory.File($"{Guid.NewGuid():N}.key");
        using var key = MatchingKey.Generate("2026-12");
        MatchingKeyFile.Write(path, key);
        return path;
    }

    private string WriteOwnerOnly(string content)
    {
        var path = _directory.File($"{Guid.NewGuid():N}.key");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }
}
