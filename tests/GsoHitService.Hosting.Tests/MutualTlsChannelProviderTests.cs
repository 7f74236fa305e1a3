using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Health.V1;
using GsoHitService.Hosting.Tests.Infrastructure;
using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting.Tests;

public sealed class MutualTlsChannelProviderTests
{
    [Fact]
    public async Task Call_ThroughProvider_IsServed()
    {
        using var contentRoot = new TempDirectory();
        await using var server = await TestServer.StartAsync(contentRoot);
        using var provider = CreateProvider(contentRoot, new CapturingLoggerProvider());

        var status = await TestClients.CheckHealthAsync(provider.GetChannel(server.Address));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status);
    }

    [Fact]
    public void GetChannel_SameTarget_ReturnsSameChannel()
    {
        using var contentRoot = new TempDirectory();
        using var provider = CreateProvider(contentRoot, new CapturingLoggerProvider());

        var first = provider.GetChannel(new Uri("https://127.0.0.1:7443"));
        var second = provider.GetChannel(new Uri("https://127.0.0.1:7443/"));
        var otherName = provider.GetChannel(new Uri("https://127.0.0.1:7443"), "agent-brp");

        Assert.Same(first, second);
        Assert.NotSame(first, otherName);
    }

    [Fact]
    public void GetChannel_PlaintextAddress_Throws()
    {
        using var contentRoot = new TempDirectory();
        using var provider = CreateProvider(contentRoot, new CapturingLoggerProvider());

        var exception = Assert.Throws<ArgumentException>(() => provider.GetChannel(new Uri("http://127.0.0.1:7443")));

        Assert.Contains("plaintext", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ServerOfOtherCa_IsRejected()
    {
        using var contentRoot = new TempDirectory();
        var settings = TestServer.DefaultSettings(contentRoot);
        CertificateFiles.WritePem(TestCertificates.Shared.ServerOfOtherAuthority, contentRoot.Combine("other.crt.pem"), contentRoot.Combine("other.key.pem"));
        settings["Certificate"] = new JsonObject { ["Path"] = "other.crt.pem", ["KeyPath"] = "other.key.pem" };
        await using var server = TestServer.Build(contentRoot, settings);
        await server.App.StartAsync(TestContext.Current.CancellationToken);
        var logs = new CapturingLoggerProvider();
        using var provider = CreateProvider(contentRoot, logs);

        var exception = await Assert.ThrowsAsync<RpcException>(() => TestClients.CheckHealthAsync(provider.GetChannel(server.Address)));

        // Grpc.Net.Client 2.85 reports a rejected server certificate as Internal ("Error starting
        // gRPC call"), so callers must not read Internal as a reply from the agent.
        Assert.Contains(exception.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
        var entry = Assert.Single(logs.WithEvent("ServerCertificateRejected"));
        Assert.Contains("does not chain to the trusted CA", entry.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Call_UnexpectedServerName_IsRejected()
    {
        using var contentRoot = new TempDirectory();
        await using var server = await TestServer.StartAsync(contentRoot);
        var logs = new CapturingLoggerProvider();
        using var provider = CreateProvider(contentRoot, logs);

        var channel = provider.GetChannel(server.Address, expectedServerName: "agent-belastingen.gemeente.example");
        await Assert.ThrowsAsync<RpcException>(() => TestClients.CheckHealthAsync(channel));

        var entry = Assert.Single(logs.WithEvent("ServerCertificateRejected"));
        Assert.Contains("not issued to 'agent-belastingen.gemeente.example'", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ExpectedServerNameLocalhost_IsServed()
    {
        using var contentRoot = new TempDirectory();
        await using var server = await TestServer.StartAsync(contentRoot);
        using var provider = CreateProvider(contentRoot, new CapturingLoggerProvider());

        var status = await TestClients.CheckHealthAsync(provider.GetChannel(server.Address, expectedServerName: "localhost"));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status);
    }

    [Fact]
    public async Task Call_AfterIdlePeriod_ReusesConnection()
    {
        using var contentRoot = new TempDirectory();
        var connectionIds = new ConcurrentQueue<string>();
        await using var server = TestServer.Build(contentRoot, TestServer.DefaultSettings(contentRoot));
        server.App.Use(next => context =>
        {
            connectionIds.Enqueue(context.Connection.Id);
            return next(context);
        });
        await server.App.StartAsync(TestContext.Current.CancellationToken);
        using var provider = CreateProvider(contentRoot, new CapturingLoggerProvider(), keepAlivePingDelay: TimeSpan.FromSeconds(1));
        var channel = provider.GetChannel(server.Address);

        await TestClients.CheckHealthAsync(channel);
        await Task.Delay(TimeSpan.FromSeconds(3.5), TestContext.Current.CancellationToken);
        await TestClients.CheckHealthAsync(channel);

        // Several pings went out while idle; the server kept the connection instead of closing it.
        Assert.Equal(2, connectionIds.Count);
        Assert.Single(connectionIds.Distinct());
    }

    [Fact]
    public async Task AddMutualTlsGrpcClient_KeylessCertificate_FailsStart()
    {
        using var contentRoot = new TempDirectory();
        var paths = TestCertificates.Shared.WriteClientFiles(contentRoot);
        using var keyless = TestCertificates.WithoutPrivateKey(TestCertificates.Shared.Client);
        CertificateFiles.WritePem(keyless, contentRoot.Combine("keyless.crt.pem"));
        File.WriteAllText(contentRoot.Combine("appsettings.json"), new JsonObject
        {
            ["AgentClient"] = new JsonObject
            {
                ["Certificate"] = new JsonObject { ["Path"] = "keyless.crt.pem" },
                ["TrustedCaPath"] = Path.GetFileName(paths.CaCertificate),
            },
        }.ToJsonString());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot.Path,
            EnvironmentName = Environments.Production,
        });
        builder.AddMutualTlsGrpcClient();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var failure = Assert.Single(exception.Failures);
        Assert.Contains("AgentClient:Certificate", failure, StringComparison.Ordinal);
        Assert.Contains($"account '{Environment.UserName}'", failure, StringComparison.Ordinal);
        Assert.Contains("no private key", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:05:01")]
    public async Task AddMutualTlsGrpcClient_ReconnectBackoffOutOfRange_StopsStart(string backoff)
    {
        using var contentRoot = new TempDirectory();
        var paths = TestCertificates.Shared.WriteClientFiles(contentRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot.Path,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentClient:Certificate:Path"] = paths.Certificate,
            ["AgentClient:Certificate:KeyPath"] = paths.PrivateKey,
            ["AgentClient:TrustedCaPath"] = paths.CaCertificate,
            ["AgentClient:MaxReconnectBackoff"] = backoff,
        });
        builder.AddMutualTlsGrpcClient();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("AgentClient:MaxReconnectBackoff", Assert.Single(exception.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddMutualTlsGrpcClient_ValidSettings_RegistersSingleton()
    {
        using var contentRoot = new TempDirectory();
        var paths = TestCertificates.Shared.WriteClientFiles(contentRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot.Path,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentClient:Certificate:Path"] = paths.Certificate,
            ["AgentClient:Certificate:KeyPath"] = paths.PrivateKey,
            ["AgentClient:TrustedCaPath"] = paths.CaCertificate,
        });
        builder.AddMutualTlsGrpcClient();
        using var host = builder.Build();

        var first = host.Services.GetRequiredService<MutualTlsChannelProvider>();
        var second = host.Services.GetRequiredService<MutualTlsChannelProvider>();

        Assert.Same(first, second);
    }

    private static MutualTlsChannelProvider CreateProvider(TempDirectory contentRoot, CapturingLoggerProvider logs, TimeSpan? keepAlivePingDelay = null)
    {
        var paths = TestCertificates.Shared.WriteClientFiles(contentRoot);
        var options = new MutualTlsClientOptions
        {
            Certificate = new CertificateSourceOptions { Path = Path.GetFileName(paths.Certificate), KeyPath = Path.GetFileName(paths.PrivateKey) },
            TrustedCaPath = Path.GetFileName(paths.CaCertificate),
            KeepAlivePingDelay = keepAlivePingDelay ?? GrpcLimits.DefaultKeepAlivePingDelay,
        };
        var environment = new TestHostEnvironment(contentRoot.Path);
        var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        return new MutualTlsChannelProvider(Options.Create(options), environment, loggerFactory);
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "GsoHitService.Hosting.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.PhysicalFileProvider(contentRoot);
    }
}
