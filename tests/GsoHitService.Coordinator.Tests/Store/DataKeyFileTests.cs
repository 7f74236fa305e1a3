using System.Runtime.Versioning;
using GsoHitService.Coordinator.Store.Encryption;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Coordinator.Tests.Store;

public sealed class DataKeyFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Create_NewFile_IsReadableByOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var path = _folder.Combine("keys", "data.key");

        using var ring = DataKeyFile.Create(path, _time);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Read_CreatedFile_ReturnsTheSameKey()
    {
        var path = _folder.Combine("data.key");
        using var created = DataKeyFile.Create(path, _time);

        using var read = DataKeyFile.Read(path);

        Assert.Equal(created.Current.Id, read.Current.Id);
        Assert.Equal(_time.GetUtcNow(), read.Current.CreatedAt);

        var value = new StoredValueCipher(created).EncryptText("waarde", new CiphertextBinding("t", "c", "r"));
        Assert.Equal("waarde", new StoredValueCipher(read).DecryptText(value, new CiphertextBinding("t", "c", "r")));
    }

    [Fact]
    public void Create_ExistingFile_IsNotOverwritten()
    {
        var path = _folder.WriteFile("data.key", "bestaand");

        var exception = Assert.Throws<DataKeyFileException>(() => DataKeyFile.Create(path, _time));

        Assert.Contains("already exists", exception.Message, StringComparison.Ordinal);
        Assert.Equal("bestaand", File.ReadAllText(path));
    }

    [Fact]
    public void Load_MissingFileWithoutCreate_NamesTheSetting()
    {
        var path = _folder.Combine("missing.key");

        var exception = Assert.Throws<DataKeyFileException>(() => DataKeyFile.Load(path, createIfMissing: false, _time, out _));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("CreateDataKeyIfMissing", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Load_MissingFileWithCreate_CreatesIt()
    {
        var path = _folder.Combine("new.key");

        using var ring = DataKeyFile.Load(path, createIfMissing: true, _time, out var created);

        Assert.True(created);
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.OtherExecute)]
    [UnsupportedOSPlatform("windows")]
    public void Read_WiderPermissions_IsRejected(UnixFileMode extra)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var path = _folder.Combine("data.key");
        DataKeyFile.Create(path, _time).Dispose();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var exception = Assert.Throws<DataKeyFileException>(() => DataKeyFile.Read(path));

        Assert.Contains("chmod 600", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Read_OwnerReadOnly_IsAccepted()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var path = _folder.Combine("data.key");
        DataKeyFile.Create(path, _time).Dispose();
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        using var ring = DataKeyFile.Read(path);

        Assert.NotNull(ring.Current);
    }

    public static TheoryData<string, string> MalformedFiles() => new()
    {
        { "not json", "not valid JSON" },
        { "{\"format\":\"other\",\"version\":1}", "\"format\"" },
        { "{\"format\":\"gso-coordinator-data-key\",\"version\":2,\"currentKeyId\":\"a\",\"keys\":[]}", "format version 2" },
        { "{\"format\":\"gso-coordinator-data-key\",\"version\":1,\"keys\":[]}", "currentKeyId" },
        { "{\"format\":\"gso-coordinator-data-key\",\"version\":1,\"currentKeyId\":\"a\",\"keys\":[]}", "names no key" },
        { Key("a", "AES-256-GCM", Convert.ToBase64String(new byte[16])), "16 bytes long" },
        { Key("a", "AES-128-CBC", Convert.ToBase64String(new byte[32])), "algorithm" },
        { Key("a b", "AES-256-GCM", Convert.ToBase64String(new byte[32])), "\"id\"" },
        { Key("a", "AES-256-GCM", "%%%"), "base64" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Read_MalformedFile_IsRejected(string content, string expectedProblem)
    {
        var path = _folder.WriteFile("data.key", content);
        if (!OperatingSystem.IsWindows())
        {
            // WriteFile leaves the mode to the umask; the permission check must not be what fails.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var exception = Assert.Throws<DataKeyFileException>(() => DataKeyFile.Read(path));

        Assert.Contains(expectedProblem, exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ring_ToString_ShowsIdsOnly()
    {
        using var ring = DataKeyFile.Create(_folder.Combine("data.key"), _time);

        Assert.Equal($"DataKeyRing(current {ring.Current.Id}, 1 keys)", ring.ToString());
        Assert.Equal($"DataKey({ring.Current.Id})", ring.Current.ToString());
    }

    private static string Key(string id, string algorithm, string key) =>
        $$"""
        {"format":"gso-coordinator-data-key","version":1,"currentKeyId":"{{id}}",
         "keys":[{"id":"{{id}}","algorithm":"{{algorithm}}","createdAt":"2026-01-01T00:00:00Z","key":"{{key}}"}]}
        """;
}
