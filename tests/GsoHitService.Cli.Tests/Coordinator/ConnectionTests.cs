using System.Net;
using System.Net.Sockets;
using GsoHitService.Hosting;
using GsoHitService.Protocol.V1;
using GsoHitService.TestSupport;

namespace GsoHitService.Cli.Tests.Coordinator;

/// <summary>Connection settings and transport failures: each gets its own message, and a working set-up is served.</summary>
public sealed class ConnectionTests : IClassFixture<CoordinatorServer>
{
    private readonly CoordinatorServer _server;

    public ConnectionTests(CoordinatorServer server)
    {
        _server = server;
        _server.Fake.Reset();
        _server.Fake.OnListAgents = (_, _) => Task.FromResult(new ListAgentsReply());
    }

    [Fact]
    public async Task Status_NoListener_ReportsUnreachable()
    {
        var address = $"https://127.0.0.1:{FreePort()}";

        var (exitCode, _, error) = await Status(("--coordinator", address));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains($"De coördinator is niet bereikbaar op {address}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ClientNotAllowed_ReportsRejectedCertificate()
    {
        var folder = _server.Folder.Combine($"unlisted-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        CertificateFiles.WritePem(TestCertificates.Shared.UnlistedClient, Path.Combine(folder, "c.pem"), Path.Combine(folder, "k.pem"));

        var (exitCode, _, error) = await Status(("--certificaat", Path.Combine(folder, "c.pem")), ("--sleutel", Path.Combine(folder, "k.pem")));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("uw clientcertificaat", error, StringComparison.Ordinal);
        Assert.DoesNotContain("niet bereikbaar", error, StringComparison.Ordinal);
        Assert.Contains("Vraag de beheerder van de coördinator uw certificaat toe te staan", error, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Requests);
    }

    [Fact]
    public async Task Status_ServerOfOtherCa_ReportsServerCertificate()
    {
        var fake = new FakeCoordinator();
        await using var other = CoordinatorServer.Build(_server.Folder, TestCertificates.Shared.ServerOfOtherAuthority, fake);
        await other.StartAsync(TestContext.Current.CancellationToken);
        var address = other.Urls.First();

        var (exitCode, _, error) = await Status(("--coordinator", address));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("het servercertificaat niet is geaccepteerd", error, StringComparison.Ordinal);
        Assert.Contains("does not chain to the trusted CA", error, StringComparison.Ordinal);
        Assert.Contains(_server.ClientFiles.CaCertificate + " (--ca)", error, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Status_PfxWithPasswordFile_IsServed()
    {
        var pfx = _server.Folder.Combine($"{Guid.NewGuid():N}.pfx");
        CertificateFiles.WritePfx(TestCertificates.Shared.Client, pfx, "geheim wachtwoord");
        var passwordFile = _server.Folder.WriteFile($"{Guid.NewGuid():N}.txt", "geheim wachtwoord\n");

        var (exitCode, output, error) = await Status(("--certificaat", pfx), ("--sleutel", null), ("--certificaatwachtwoord", passwordFile));

        Assert.Equal("", error);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("geen agents ingesteld", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PfxWithWrongPassword_ExitsTwo()
    {
        var pfx = _server.Folder.Combine($"{Guid.NewGuid():N}.pfx");
        CertificateFiles.WritePfx(TestCertificates.Shared.Client, pfx, "geheim wachtwoord");
        var passwordFile = _server.Folder.WriteFile($"{Guid.NewGuid():N}.txt", "ander wachtwoord\n");

        var (exitCode, _, error) = await Status(("--certificaat", pfx), ("--sleutel", null), ("--certificaatwachtwoord", passwordFile));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Controleer het wachtwoord (--certificaatwachtwoord)", error, StringComparison.Ordinal);
        Assert.Empty(_server.Fake.Requests);
    }

    [Fact]
    public async Task Status_ExpiredCertificate_ExitsTwo()
    {
        var folder = _server.Folder.Combine($"expired-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        CertificateFiles.WritePem(TestCertificates.Shared.ExpiredClient, Path.Combine(folder, "c.pem"), Path.Combine(folder, "k.pem"));

        var (exitCode, _, error) = await Status(("--certificaat", Path.Combine(folder, "c.pem")), ("--sleutel", Path.Combine(folder, "k.pem")));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("is verlopen op", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_CertificateWithoutKey_ExitsTwo()
    {
        var (exitCode, _, error) = await Status(("--sleutel", null));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("bevat geen privésleutel", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_CaIsNoAuthority_ExitsTwo()
    {
        var (exitCode, _, error) = await Status(("--ca", _server.ClientFiles.Certificate));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("is geen CA-certificaat", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_MissingCertificateFile_NamesOption()
    {
        var missing = _server.Folder.Combine("bestaat-niet.pem");

        var (exitCode, _, error) = await Status(("--certificaat", missing));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains($"Het bestand {missing} (--certificaat) bestaat niet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PlainHttpAddress_ExitsTwo()
    {
        var (exitCode, _, error) = await Status(("--coordinator", "http://127.0.0.1:7443"));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("is geen geldig adres van de coördinator", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_SettingsFile_SuppliesConnection()
    {
        var folder = _server.Folder.Combine($"config-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.Copy(_server.ClientFiles.Certificate, Path.Combine(folder, "ic.crt.pem"));
        File.Copy(_server.ClientFiles.PrivateKey, Path.Combine(folder, "ic.key.pem"));
        File.Copy(_server.ClientFiles.CaCertificate, Path.Combine(folder, "ca.crt.pem"));
        var settings = Path.Combine(folder, "gso.json");
        File.WriteAllText(settings, $$"""
            {
              "coordinator": "{{_server.Address}}",
              "certificaat": "ic.crt.pem",
              "sleutel": "ic.key.pem",
              "ca": "ca.crt.pem",
              "timeout": 10
            }
            """);

        var (exitCode, output, error) = await CommandRunner.RunAsync("nl-NL", ["status", "--config", settings]);

        Assert.Equal("", error);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("geen agents ingesteld", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> Status(params (string Option, string? Value)[] overrides) =>
        CommandRunner.RunAsync("nl-NL", ["status", .. _server.ConnectionArguments(10, overrides)]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
