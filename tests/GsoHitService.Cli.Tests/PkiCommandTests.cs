using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GsoHitService.Hosting;
using GsoHitService.TestSupport;

namespace GsoHitService.Cli.Tests;

public sealed class PkiCommandTests
{
    [Fact]
    public async Task DevCa_EmptyFolder_WritesChainedCertificates()
    {
        using var folder = new TempDirectory();
        var output = folder.Combine("pki");

        var (exitCode, stdout, error) = await CommandRunner.RunAsync("nl-NL", "pki", "dev-ca", "--out", output, "--agent", "brp", "--agent", "sociaal-domein");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.StartsWith("ALLEEN VOOR ONTWIKKELING", stdout, StringComparison.Ordinal);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(output, "ca.crt.pem"));
        using var client = X509Certificate2.CreateFromPemFile(Path.Combine(output, "coordinator-client.crt.pem"), Path.Combine(output, "coordinator-client.key.pem"));
        using var server = X509Certificate2.CreateFromPemFile(Path.Combine(output, "agent-sociaal-domein.crt.pem"), Path.Combine(output, "agent-sociaal-domein.key.pem"));
        Assert.Equal(ca.Subject, client.Issuer);
        Assert.Equal(ca.Subject, server.Issuer);
        Assert.Contains(DevelopmentCertificateAuthority.OrganizationName, client.Subject, StringComparison.Ordinal);
        Assert.True(server.MatchesHostname("127.0.0.1"));
        Assert.Contains(client.GetCertHashString(HashAlgorithmName.SHA256), stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "LEESMIJ-ALLEEN-ONTWIKKELING.txt")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DevCa_PrivateKeys_AreOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not apply on Windows.");
        using var folder = new TempDirectory();

        await CommandRunner.RunAsync("nl-NL", "pki", "dev-ca", "--out", folder.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.Combine("coordinator-client.key.pem")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.Combine("agent-brp.key.pem")));
    }

    [Fact]
    public async Task DevCa_ExistingFile_ExitsThree()
    {
        using var folder = new TempDirectory();
        var existing = folder.WriteFile("agent-brp.key.pem", "oud");

        var (exitCode, stdout, error) = await CommandRunner.RunAsync("nl-NL", "pki", "dev-ca", "--out", folder.Path);

        Assert.Equal(3, exitCode);
        Assert.Empty(stdout);
        Assert.Contains($"Fout: {existing} bestaat al", error, StringComparison.Ordinal);
        Assert.Equal("oud", File.ReadAllText(existing));
        Assert.False(File.Exists(folder.Combine("ca.crt.pem")));
    }

    [Theory]
    [InlineData("BRP")]
    [InlineData("brp/../x")]
    [InlineData("-brp")]
    public async Task DevCa_InvalidAgentName_ExitsTwo(string agent)
    {
        using var folder = new TempDirectory();

        var (exitCode, _, error) = await CommandRunner.RunAsync("nl-NL", "pki", "dev-ca", "--out", folder.Path, "--agent", agent);

        Assert.Equal(2, exitCode);
        Assert.Contains($"de agentnaam '{agent}' is ongeldig", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task DevCa_EnglishCulture_PrintsEnglishWarning()
    {
        using var folder = new TempDirectory();

        var (exitCode, stdout, _) = await CommandRunner.RunAsync("en-GB", "pki", "dev-ca", "--out", folder.Path);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("DEVELOPMENT ONLY", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.Combine("README-DEVELOPMENT-ONLY.txt")));
    }
}
