using System.Text.Json.Nodes;
using GsoHitService.Hosting;
using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Cli.Tests.Coordinator;

/// <summary>
/// A real Kestrel on 127.0.0.1 with the hosting library's mutual-TLS set-up (test certificates,
/// client CN <see cref="TestCertificates.ClientCommonName"/> allowed) serving <see cref="FakeCoordinator"/>.
/// One server per test class; <see cref="Fake"/> is reset before each test.
/// </summary>
public sealed class CoordinatorServer : IAsyncLifetime
{
    private WebApplication? _app;

    public CoordinatorServer()
    {
        Folder = new TempDirectory();
        ClientFiles = TestCertificates.Shared.WriteClientFiles(Folder);
    }

    public TempDirectory Folder { get; }

    public FakeCoordinator Fake { get; } = new();

    public CertificatePaths ClientFiles { get; }

    public Uri Address => new(_app!.Urls.First());

    /// <summary>
    /// The connection options of every coordinator command, for this server. An override replaces
    /// an option's value; a null value leaves the option out.
    /// </summary>
    public string[] ConnectionArguments(int timeoutSeconds = 10, params (string Option, string? Value)[] overrides)
    {
        var options = new Dictionary<string, string?>
        {
            ["--coordinator"] = Address.ToString(),
            ["--certificaat"] = ClientFiles.Certificate,
            ["--sleutel"] = ClientFiles.PrivateKey,
            ["--ca"] = ClientFiles.CaCertificate,
            ["--timeout"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (option, value) in overrides)
        {
            options[option] = value;
        }

        return options.Where(option => option.Value is not null).SelectMany(option => new[] { option.Key, option.Value! }).ToArray();
    }

    public async ValueTask InitializeAsync()
    {
        _app = Build(Folder, TestCertificates.Shared.Server, Fake);
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Folder.Dispose();
    }

    /// <summary>Builds a coordinator host that presents <paramref name="serverCertificate"/>.</summary>
    public static WebApplication Build(TempDirectory folder, System.Security.Cryptography.X509Certificates.X509Certificate2 serverCertificate, FakeCoordinator fake)
    {
        var serverFolder = folder.Combine("server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(serverFolder);
        CertificateFiles.WritePem(TestCertificates.Shared.CaCertificate, Path.Combine(serverFolder, "ca.crt.pem"));
        CertificateFiles.WritePem(serverCertificate, Path.Combine(serverFolder, "server.crt.pem"), Path.Combine(serverFolder, "server.key.pem"));
        var settings = new JsonObject
        {
            ["Server"] = new JsonObject
            {
                ["Endpoints"] = new JsonArray("https://127.0.0.1:0"),
                ["Certificate"] = new JsonObject { ["Path"] = "server.crt.pem", ["KeyPath"] = "server.key.pem" },
                ["ClientCertificates"] = new JsonObject
                {
                    ["TrustedCaPath"] = "ca.crt.pem",
                    ["AllowedSubjects"] = new JsonArray(TestCertificates.ClientCommonName),
                },
            },
        };
        File.WriteAllText(Path.Combine(serverFolder, "appsettings.json"), settings.ToJsonString());

        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = serverFolder,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.AddMutualTlsGrpcServer();
        builder.Services.AddSingleton(fake);

        var app = builder.Build();
        app.MapGrpcService<FakeCoordinator>();
        return app;
    }
}
