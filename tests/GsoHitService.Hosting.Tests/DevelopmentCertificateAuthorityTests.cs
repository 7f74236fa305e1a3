using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GsoHitService.Hosting.Internal;
using GsoHitService.TestSupport;

namespace GsoHitService.Hosting.Tests;

public sealed class DevelopmentCertificateAuthorityTests
{
    [Fact]
    public void IssueServerCertificate_NamesLoopback()
    {
        using var authority = DevelopmentCertificateAuthority.Create();
        using var ca = authority.Certificate;
        using var server = authority.IssueServerCertificate("agent-brp");

        Assert.True(server.HasPrivateKey);
        Assert.Null(ServerCertificateCheck.FindProblem(server, null, ca, "localhost", DateTimeOffset.UtcNow));
        Assert.Null(ServerCertificateCheck.FindProblem(server, null, ca, "127.0.0.1", DateTimeOffset.UtcNow));
        Assert.Null(ServerCertificateCheck.FindProblem(server, null, ca, "::1", DateTimeOffset.UtcNow));
        Assert.NotNull(ServerCertificateCheck.FindProblem(server, null, ca, "agent-brp.gemeente.example", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void IssueClientCertificate_MarksDevelopmentOnly()
    {
        using var authority = DevelopmentCertificateAuthority.Create();
        using var client = authority.IssueClientCertificate("coordinator");

        Assert.Contains($"O={DevelopmentCertificateAuthority.OrganizationName}", client.Subject, StringComparison.Ordinal);
        var usage = Assert.Single(client.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal("1.3.6.1.5.5.7.3.2", Assert.Single(usage.EnhancedKeyUsages.Cast<Oid>()).Value);
    }

    [Fact]
    public void Certificate_HasNoPrivateKey()
    {
        using var authority = DevelopmentCertificateAuthority.Create();
        using var ca = authority.Certificate;

        Assert.False(ca.HasPrivateKey);
        Assert.True(Assert.Single(ca.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
    }

    [Fact]
    public void IssueClientCertificate_BeforeCaValidity_Throws()
    {
        using var authority = DevelopmentCertificateAuthority.Create();

        Assert.Throws<ArgumentException>(() => authority.IssueClientCertificate("coordinator", DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(-1)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void WritePem_KeyFile_IsReadableByOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not apply on Windows.");
        using var folder = new TempDirectory();

        CertificateFiles.WritePem(TestCertificates.Shared.Client, folder.Combine("client.crt.pem"), folder.Combine("client.key.pem"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.Combine("client.key.pem")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.Combine("client.crt.pem")));
    }

    [Fact]
    public void WritePem_RoundTrip_LoadsWithKey()
    {
        using var folder = new TempDirectory();
        CertificateFiles.WritePem(TestCertificates.Shared.Client, folder.Combine("client.crt.pem"), folder.Combine("client.key.pem"));

        using var loaded = X509Certificate2.CreateFromPemFile(folder.Combine("client.crt.pem"), folder.Combine("client.key.pem"));

        Assert.Equal(TestCertificates.Shared.Client.Thumbprint, loaded.Thumbprint);
        Assert.Null(PrivateKeyCheck.FindProblem(loaded));
    }

    [Fact]
    public void WritePfx_WithPassword_LoadsOnlyWithPassword()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("client.pfx");

        CertificateFiles.WritePfx(TestCertificates.Shared.Client, path, "wachtwoord");

        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(path, "wachtwoord");
        Assert.True(loaded.HasPrivateKey);
        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(path, "fout"));
    }

    [Fact]
    public void WritePem_ExistingFile_IsNotOverwritten()
    {
        using var folder = new TempDirectory();
        var existing = folder.WriteFile("client.crt.pem", "keep me");

        Assert.Throws<IOException>(() => CertificateFiles.WritePem(TestCertificates.Shared.Client, existing));
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void IssueServerCertificate_ExtraDnsName_IsAccepted()
    {
        using var authority = DevelopmentCertificateAuthority.Create();
        using var ca = authority.Certificate;
        using var server = authority.IssueServerCertificate("agent-brp", ["agent-brp.gemeente.example"]);

        Assert.Null(ServerCertificateCheck.FindProblem(server, null, ca, "agent-brp.gemeente.example", DateTimeOffset.UtcNow));
        Assert.True(server.MatchesHostname(IPAddress.Loopback.ToString()));
    }
}
