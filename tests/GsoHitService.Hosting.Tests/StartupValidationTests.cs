using System.Text.Json.Nodes;
using GsoHitService.Hosting.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting.Tests;

public sealed class StartupValidationTests
{
    public static TheoryData<string, string, string> SettingCases => new()
    {
        { "plaintext-endpoint", "Server:Endpoints:0", "plaintext (http://) endpoint" },
        { "no-endpoints", "Server:Endpoints", "is empty" },
        { "host-name-endpoint", "Server:Endpoints:0", "use an IP address, localhost or *" },
        { "endpoint-without-port", "Server:Endpoints:0", "has no port" },
        { "missing-certificate-file", "Server:Certificate:Path", "file not found" },
        { "password-in-configuration", "Server:Certificate:Password", "must not be stored in configuration" },
        { "missing-password-variable", "Server:Certificate:PasswordEnvironmentVariable", "GSO_TEST_VARIABLE_THAT_IS_NOT_SET is not set" },
        { "ca-without-subjects", "Server:ClientCertificates:AllowedSubjects", "is empty" },
        { "subjects-without-ca", "Server:ClientCertificates:TrustedCaPath", "is missing" },
        { "bad-thumbprint", "Server:ClientCertificates:AllowedThumbprints:0", "is not a SHA-256" },
        { "no-client-allowed", "Server:ClientCertificates:AllowedThumbprints", "allows no client" },
        { "ca-is-not-a-ca", "Server:ClientCertificates:TrustedCaPath", "is not a CA certificate" },
        { "expired-server-certificate", "Server:Certificate", "expired on" },
        { "store-on-linux", "Server:Certificate:StoreThumbprint", "Windows only" },
        { "kestrel-plaintext-endpoint", "Kestrel:Endpoints:Plain:Url", "plaintext (http://) endpoint" },
        { "kestrel-https-endpoint", "Kestrel:Endpoints:Other:Url", "without the client-certificate check" },
    };

    [Theory]
    [MemberData(nameof(SettingCases))]
    public async Task Start_InvalidSetting_FailsNamingSettingAndFile(string situation, string setting, string problem)
    {
        using var contentRoot = new TempDirectory();
        var settings = TestServer.DefaultSettings(contentRoot);
        var otherSections = Apply(situation, settings, contentRoot);
        await using var server = TestServer.Build(contentRoot, settings, otherSections: otherSections);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => server.App.StartAsync(TestContext.Current.CancellationToken));

        var failure = Assert.Single(exception.Failures, failure => failure.Contains($"[{setting} ", StringComparison.Ordinal));
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.Contains(contentRoot.Combine("appsettings.json"), failure, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> ArgumentCases => new()
    {
        { "--urls=http://127.0.0.1:0", "urls", "ASPNETCORE_URLS" },
        { "--urls=https://127.0.0.1:0;http://127.0.0.1:0", "urls", "plaintext (http://) endpoint" },
        { "--http_ports=8080", "http_ports", "ASPNETCORE_HTTP_PORTS" },
    };

    [Theory]
    [MemberData(nameof(ArgumentCases))]
    public async Task Start_PlaintextOnCommandLine_FailsNamingSetting(string argument, string setting, string problem)
    {
        using var contentRoot = new TempDirectory();
        await using var server = TestServer.Build(contentRoot, TestServer.DefaultSettings(contentRoot), [argument]);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => server.App.StartAsync(TestContext.Current.CancellationToken));

        var failure = Assert.Single(exception.Failures);
        Assert.StartsWith(setting, failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.Contains("on the command line", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeveralInvalidSettings_ReportsEach()
    {
        using var contentRoot = new TempDirectory();
        var settings = TestServer.DefaultSettings(contentRoot);
        settings["Endpoints"] = new JsonArray("http://127.0.0.1:0");
        settings["Certificate"]!["Path"] = "missing.pem";
        await using var server = TestServer.Build(contentRoot, settings);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => server.App.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, exception.Failures.Count());
        Assert.Contains(server.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception is OptionsValidationException);
    }

    [Fact]
    public async Task Start_RelativePfxPaths_ResolveAgainstContentRoot()
    {
        using var contentRoot = new TempDirectory();
        var settings = TestServer.DefaultSettings(contentRoot);
        Directory.CreateDirectory(contentRoot.Combine("certs"));
        CertificateFiles.WritePfx(TestCertificates.Shared.Server, contentRoot.Combine("certs", "server.pfx"), "geheim wachtwoord");
        contentRoot.WriteFile("certs/server.pfx.password", "geheim wachtwoord\n");
        settings["Certificate"] = new JsonObject
        {
            ["Path"] = "certs/server.pfx",
            ["PasswordFile"] = "certs/server.pfx.password",
        };
        await using var server = TestServer.Build(contentRoot, settings);

        await server.App.StartAsync(TestContext.Current.CancellationToken);

        Assert.Single(server.Logs.WithEvent("SelfTestPassed"));
    }

    private static JsonObject? Apply(string situation, JsonObject settings, TempDirectory contentRoot)
    {
        var certificate = settings["Certificate"]!.AsObject();
        var clients = settings["ClientCertificates"]!.AsObject();
        switch (situation)
        {
            case "plaintext-endpoint":
                settings["Endpoints"] = new JsonArray("http://127.0.0.1:0");
                break;
            case "no-endpoints":
                settings["Endpoints"] = new JsonArray();
                break;
            case "host-name-endpoint":
                settings["Endpoints"] = new JsonArray("https://agent.example:7443");
                break;
            case "endpoint-without-port":
                settings["Endpoints"] = new JsonArray("https://127.0.0.1");
                break;
            case "missing-certificate-file":
                certificate["Path"] = "certs/missing.pem";
                break;
            case "password-in-configuration":
                certificate["Password"] = "not-here";
                break;
            case "missing-password-variable":
                certificate["PasswordEnvironmentVariable"] = "GSO_TEST_VARIABLE_THAT_IS_NOT_SET";
                break;
            case "ca-without-subjects":
                clients["AllowedSubjects"] = new JsonArray();
                break;
            case "subjects-without-ca":
                clients.Remove("TrustedCaPath");
                break;
            case "bad-thumbprint":
                clients["AllowedThumbprints"] = new JsonArray("ABC123");
                break;
            case "no-client-allowed":
                settings["ClientCertificates"] = new JsonObject();
                break;
            case "ca-is-not-a-ca":
                clients["TrustedCaPath"] = "server.crt.pem";
                break;
            case "expired-server-certificate":
                var now = DateTimeOffset.UtcNow;
                using (var expired = TestCertificates.Shared.Authority.IssueServerCertificate("expired-server", notBefore: now.AddDays(-10), notAfter: now.AddDays(-1)))
                {
                    CertificateFiles.WritePem(expired, contentRoot.Combine("expired.crt.pem"), contentRoot.Combine("expired.key.pem"));
                }

                certificate["Path"] = "expired.crt.pem";
                certificate["KeyPath"] = "expired.key.pem";
                break;
            case "store-on-linux":
                Assert.SkipWhen(OperatingSystem.IsWindows(), "Certificate stores are allowed on Windows.");
                settings["Certificate"] = new JsonObject { ["StoreThumbprint"] = TestCertificates.Shared.Server.Thumbprint };
                break;
            case "kestrel-plaintext-endpoint":
                return new JsonObject { ["Kestrel"] = new JsonObject { ["Endpoints"] = new JsonObject { ["Plain"] = new JsonObject { ["Url"] = "http://127.0.0.1:0" } } } };
            case "kestrel-https-endpoint":
                return new JsonObject { ["Kestrel"] = new JsonObject { ["Endpoints"] = new JsonObject { ["Other"] = new JsonObject { ["Url"] = "https://127.0.0.1:0" } } } };
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, "Unknown situation.");
        }

        return null;
    }
}
