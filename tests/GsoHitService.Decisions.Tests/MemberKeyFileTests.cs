using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using GsoHitService.Decisions.Keys;
using GsoHitService.Decisions.Tests.Support;

namespace GsoHitService.Decisions.Tests;

public sealed class MemberKeyFileTests : IDisposable
{
    private const string Password = "correct horse battery";

    // The lowest cost that reading accepts, so that the tests stay fast.
    private static readonly MemberKeyFile.ScryptParameters FastScrypt = new(1 << 14, 8, 1);

    private readonly TemporaryFolder _folder = new();
    private readonly MemberSigningKey _key = MemberSigningKey.Generate("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer);

    private string KeyPath => _folder.File("po-1.key");

    public void Dispose()
    {
        _key.Dispose();
        _folder.Dispose();
    }

    private void WriteKey() => MemberKeyFile.Write(KeyPath, _key, Password, FastScrypt);

    private MemberKeyFileError ReadError(string path, string password = Password) =>
        Assert.Throws<MemberKeyFileException>(() => MemberKeyFile.Read(path, password).Dispose()).Error;

    private void EditJson(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(KeyPath))!.AsObject();
        edit(json);
        File.WriteAllText(KeyPath, json.ToJsonString());
    }

    [Fact]
    public void Read_RightPassword_ReturnsSameKey()
    {
        WriteKey();
        var payload = DecisionEncoding.Encode(Samples.PrivacyCheck2());

        using var read = MemberKeyFile.Read(KeyPath, Password);

        Assert.Equal(_key.PublicKey.ToArray(), read.PublicKey.ToArray());
        Assert.Equal(("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer), (read.MemberId, read.Name, read.Role));
        Assert.Equal(_key.Sign(payload).Signature.ToArray(), read.Sign(payload).Signature.ToArray());
    }

    [Fact]
    public void Write_DefaultCost_UsesScryptWithOwaspParameters()
    {
        MemberKeyFile.Write(KeyPath, _key, Password);

        var kdf = JsonNode.Parse(File.ReadAllText(KeyPath))!["kdf"]!;

        Assert.Equal(("scrypt", 131072, 8, 1), ((string)kdf["algorithm"]!, (int)kdf["n"]!, (int)kdf["r"]!, (int)kdf["p"]!));
    }

    [Fact]
    public void Write_File_ContainsNoPrivateKeyInClear()
    {
        WriteKey();
        var privateKey = new byte[32];
        _key.CopyPrivateKeyTo(privateKey);

        var text = File.ReadAllText(KeyPath);

        Assert.DoesNotContain(Convert.ToBase64String(privateKey), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(privateKey), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Write_NewFile_IsReadableByOwnerOnly()
    {
        WriteKey();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
    }

    [Fact]
    public void Write_ExistingFile_IsNotOverwritten()
    {
        File.WriteAllText(KeyPath, "bestaand");

        var exception = Assert.Throws<MemberKeyFileException>(() => MemberKeyFile.Write(KeyPath, _key, Password, FastScrypt));

        Assert.Equal(MemberKeyFileError.AlreadyExists, exception.Error);
        Assert.Equal("bestaand", File.ReadAllText(KeyPath));
    }

    [Fact]
    public void Write_ShortPassword_Throws()
    {
        Assert.Throws<ArgumentException>(() => MemberKeyFile.Write(KeyPath, _key, "te kort", FastScrypt));
    }

    [Fact]
    public void Read_WrongPassword_IsWrongPassword()
    {
        WriteKey();

        Assert.Equal(MemberKeyFileError.WrongPassword, ReadError(KeyPath, "wrong horse battery"));
    }

    [Fact]
    public void Read_PasswordInOtherNormalForm_Succeeds()
    {
        MemberKeyFile.Write(KeyPath, _key, "wachtwoord café 2026", FastScrypt);

        using var read = MemberKeyFile.Read(KeyPath, "wachtwoord cafe\u0301 2026");

        Assert.Equal("po-1", read.MemberId);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Read_GroupReadable_IsTooWidelyReadable()
    {
        WriteKey();
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var exception = Assert.Throws<MemberKeyFileException>(() => MemberKeyFile.Read(KeyPath, Password));

        Assert.Equal(MemberKeyFileError.TooWidelyReadable, exception.Error);
        Assert.Contains("chmod 600", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void ReadRosterEntry_WorldReadable_IsTooWidelyReadable()
    {
        WriteKey();
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.OtherRead);

        var exception = Assert.Throws<MemberKeyFileException>(() => MemberKeyFile.ReadRosterEntry(KeyPath));

        Assert.Equal(MemberKeyFileError.TooWidelyReadable, exception.Error);
    }

    [Fact]
    public void Read_MissingFile_IsNotFound()
    {
        Assert.Equal(MemberKeyFileError.NotFound, ReadError(_folder.File("bestaat-niet.key")));
    }

    public static TheoryData<string, Action<JsonObject>> FormatDamage => new()
    {
        { "format", json => json["format"] = "gso-matching-key" },
        { "missing", json => json.Remove("publicKey") },
        { "unknown property", json => json["extra"] = 1 },
        { "unknown property", json => json["kdf"]!.AsObject()["extra"] = 1 },
        { "role", json => json["role"] = "Secretaris" },
        { "role", json => json["role"] = "4" },
        { "member id", json => json["memberId"] = "met spatie" },
        { "base64", json => json["cipher"]!["nonce"] = "!!" },
        { "12 bytes", json => json["cipher"]!["nonce"] = Convert.ToBase64String(new byte[11]) },
        { "scrypt parameters", json => json["kdf"]!["n"] = 1024 },
        { "scrypt parameters", json => json["kdf"]!["n"] = 3 << 14 },
        { "scrypt parameters", json => json["kdf"]!["r"] = 1 },
        { "key derivation", json => json["kdf"]!["algorithm"] = "pbkdf2" },
        { "cipher", json => json["cipher"]!["algorithm"] = "aes-128-cbc" },
        { "is not a JSON number", json => json["version"] = "1" },
    };

    [Theory]
    [MemberData(nameof(FormatDamage))]
    public void Read_DamagedFormat_IsInvalidFormat(string expectedInMessage, Action<JsonObject> damage)
    {
        WriteKey();
        EditJson(damage);

        var exception = Assert.Throws<MemberKeyFileException>(() => MemberKeyFile.Read(KeyPath, Password));

        Assert.Equal(MemberKeyFileError.InvalidFormat, exception.Error);
        Assert.Contains(expectedInMessage, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_NotJson_IsInvalidFormat()
    {
        WriteKey();
        File.WriteAllText(KeyPath, "-----BEGIN PRIVATE KEY-----");

        Assert.Equal(MemberKeyFileError.InvalidFormat, ReadError(KeyPath));
    }

    [Fact]
    public void Read_DuplicateProperty_IsInvalidFormat()
    {
        WriteKey();
        var text = File.ReadAllText(KeyPath);
        File.WriteAllText(KeyPath, text.Replace("\"name\":", "\"role\": \"Chair\",\n  \"name\":", StringComparison.Ordinal));

        Assert.Equal(MemberKeyFileError.InvalidFormat, ReadError(KeyPath));
    }

    [Fact]
    public void Read_OtherVersion_IsUnsupportedVersion()
    {
        WriteKey();
        EditJson(json => json["version"] = 2);

        Assert.Equal(MemberKeyFileError.UnsupportedVersion, ReadError(KeyPath));
    }

    public static TheoryData<string, Func<JsonNode>> AuthenticatedChanges => new()
    {
        { "role", () => "Chair" },
        { "name", () => "Iemand Anders" },
        { "memberId", () => "po-2" },
        { "publicKey", () => Convert.ToBase64String(Keys.MemberSigningKey.Generate("x", "X", CoreTeamRole.Chair).PublicKey) },
    };

    [Theory]
    [MemberData(nameof(AuthenticatedChanges))]
    public void Read_ChangedClearTextField_FailsDecryption(string property, Func<JsonNode> value)
    {
        WriteKey();
        EditJson(json => json[property] = value());

        Assert.Equal(MemberKeyFileError.WrongPassword, ReadError(KeyPath));
    }

    [Fact]
    public void ReadRosterEntry_WithoutPassword_ReturnsPublicPart()
    {
        WriteKey();

        var entry = MemberKeyFile.ReadRosterEntry(KeyPath);

        Assert.Equal(("po-1", "Dirk Privacy", CoreTeamRole.PrivacyOfficer), (entry.Id, entry.Name, entry.Role));
        Assert.Equal(Convert.ToBase64String(_key.PublicKey), entry.PublicKey);
    }
}
