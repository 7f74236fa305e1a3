using System.Runtime.Versioning;
using System.Text.Json;

namespace GsoHitService.Cli.Tests.Decisions;

public sealed class MemberCommandTests(KerngroepFixture kerngroep) : IClassFixture<KerngroepFixture>
{
    private string NewPath() => Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.key");

    [Fact]
    public void New_ValidInput_ReportsKeyInDutch()
    {
        var (exitCode, output, error) = kerngroep.NewMemberOutputs["po-1"];

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Sleutelbestand aangemaakt:", output, StringComparison.Ordinal);
        Assert.Contains("Lid: po-1 (Dirk Privacy, privacy officer)", output, StringComparison.Ordinal);
        Assert.Contains("Vingerafdruk van de publieke sleutel:", output, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void New_ValidInput_CreatesOwnerOnlyFile()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kerngroep.KeyFile("jurist-1")));
    }

    [Fact]
    public void New_ExistingFile_IsRejected()
    {
        var path = kerngroep.KeyFile("po-1");
        var before = File.ReadAllBytes(path);

        var (exitCode, _, error) = CliRunner.Run("member", "new", "--id", "po-2", "--naam", "Nieuw", "--rol", "jurist", "--uitvoer", path, "--wachtwoordbestand", kerngroep.PasswordFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("bestaat al", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void New_UnknownRole_IsRejectedInDutch()
    {
        var (exitCode, _, error) = CliRunner.Run("member", "new", "--id", "x-1", "--naam", "X", "--rol", "secretaris", "--uitvoer", NewPath(), "--wachtwoordbestand", kerngroep.PasswordFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("Onbekende rol 'secretaris'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_UnknownRoleInEnglish_IsRejectedInEnglish()
    {
        var (exitCode, _, error) = CliRunner.RunInCulture("en-GB", "member", "new", "--id", "x-1", "--naam", "X", "--rol", "secretaris", "--uitvoer", NewPath(), "--wachtwoordbestand", kerngroep.PasswordFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown role 'secretaris'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_DecomposedName_IsStoredComposed()
    {
        var path = NewPath();
        CliRunner.Run("member", "new", "--id", "x-1", "--naam", "Rene\u0301 Smit", "--rol", "jurist", "--uitvoer", path, "--wachtwoordbestand", kerngroep.PasswordFile);

        var (exitCode, output, _) = CliRunner.Run("member", "export-public", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"René Smit\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void New_IdWithSpace_IsRejected()
    {
        var (exitCode, _, error) = CliRunner.Run("member", "new", "--id", "p o", "--naam", "X", "--rol", "jurist", "--uitvoer", NewPath(), "--wachtwoordbestand", kerngroep.PasswordFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("Het lid-id 'p o' is ongeldig", error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_ShortPassword_IsRejected()
    {
        var passwordFile = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.txt");
        File.WriteAllText(passwordFile, "kort\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var path = NewPath();
        var (exitCode, _, error) = CliRunner.Run("member", "new", "--id", "x-1", "--naam", "X", "--rol", "jurist", "--uitvoer", path, "--wachtwoordbestand", passwordFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("minstens 12 tekens", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void New_PasswordFileReadableByOthers_IsRejected()
    {
        var passwordFile = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.txt");
        File.WriteAllText(passwordFile, KerngroepFixture.Password);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var (exitCode, _, error) = CliRunner.Run("member", "new", "--id", "x-1", "--naam", "X", "--rol", "jurist", "--uitvoer", NewPath(), "--wachtwoordbestand", passwordFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("chmod 600", error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_MissingRole_IsUsageError()
    {
        var (exitCode, _, _) = CliRunner.Run("member", "new", "--id", "x-1", "--naam", "X", "--uitvoer", NewPath());

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void ExportPublic_KeyFile_PrintsRosterEntry()
    {
        var (exitCode, output, _) = CliRunner.Run("member", "export-public", kerngroep.KeyFile("ic-1"));

        using var entry = JsonDocument.Parse(output);
        Assert.Equal(0, exitCode);
        Assert.Equal("ic-1", entry.RootElement.GetProperty("Id").GetString());
        Assert.Equal("Bram Coördinator", entry.RootElement.GetProperty("Name").GetString());
        Assert.Equal("InformationCoordinator", entry.RootElement.GetProperty("Role").GetString());
        Assert.Equal(32, entry.RootElement.GetProperty("PublicKey").GetBytesFromBase64().Length);
    }

    [Fact]
    public void ExportPublic_MissingFile_IsInvalidInput()
    {
        var (exitCode, _, error) = CliRunner.Run("member", "export-public", NewPath());

        Assert.Equal(2, exitCode);
        Assert.Contains("bestaat niet of kan niet worden gelezen", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportPublic_NotAKeyFile_IsInvalidInput()
    {
        var path = NewPath();
        File.WriteAllText(path, "{}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (exitCode, _, error) = CliRunner.Run("member", "export-public", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("geen geldig sleutelbestand", error, StringComparison.Ordinal);
    }
}
