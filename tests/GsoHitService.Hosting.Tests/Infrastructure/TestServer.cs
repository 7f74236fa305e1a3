using System.Text.Json.Nodes;
using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Hosting.Tests.Infrastructure;

/// <summary>
/// A real Kestrel host on loopback, set up with <see cref="MutualTlsServerExtensions.AddMutualTlsGrpcServer"/>
/// from an <c>appsettings.json</c> in a temporary content root, serving the gRPC health service.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private int _requests;

    private TestServer(WebApplication app, CapturingLoggerProvider logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>Requests that got past TLS into the HTTP pipeline.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public Uri Address => new(App.Urls.First());

    /// <summary>
    /// Server settings with relative paths to the PEM files written by
    /// <see cref="TestCertificates.WriteServerFiles"/>: listen on 127.0.0.1 with a free port,
    /// accept the test CA's client <see cref="TestCertificates.ClientCommonName"/>.
    /// </summary>
    public static JsonObject DefaultSettings(TempDirectory contentRoot)
    {
        TestCertificates.Shared.WriteServerFiles(contentRoot);
        return new JsonObject
        {
            ["Endpoints"] = new JsonArray("https://127.0.0.1:0"),
            ["Certificate"] = new JsonObject { ["Path"] = "server.crt.pem", ["KeyPath"] = "server.key.pem" },
            ["ClientCertificates"] = new JsonObject
            {
                ["TrustedCaPath"] = "ca.crt.pem",
                ["AllowedSubjects"] = new JsonArray(TestCertificates.ClientCommonName),
            },
        };
    }

    /// <summary>Writes <c>appsettings.json</c> with the given sections and builds the host without starting it.</summary>
    public static TestServer Build(TempDirectory contentRoot, JsonObject serverSettings, string[]? args = null, JsonObject? otherSections = null)
    {
        var settings = new JsonObject { ["Server"] = serverSettings };
        foreach (var (name, value) in otherSections ?? [])
        {
            settings[name] = value?.DeepClone();
        }

        File.WriteAllText(contentRoot.Combine("appsettings.json"), settings.ToJsonString());

        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = contentRoot.Path,
            EnvironmentName = Environments.Production,
        });

        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);

        builder.AddMutualTlsGrpcServer();
        builder.Services.AddGrpcHealthChecks().AddCheck("test", () => HealthCheckResult.Healthy());

        var app = builder.Build();
        var server = new TestServer(app, logs);
        app.Use(next => context =>
        {
            Interlocked.Increment(ref server._requests);
            return next(context);
        });
        app.MapGrpcHealthChecksService();
        return server;
    }

    /// <summary>Builds and starts the host with the default settings.</summary>
    public static async Task<TestServer> StartAsync(TempDirectory contentRoot)
    {
        var server = Build(contentRoot, DefaultSettings(contentRoot));
        await server.App.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
