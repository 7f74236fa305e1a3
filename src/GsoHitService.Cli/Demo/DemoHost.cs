using GsoHitService.Agent;
using GsoHitService.Coordinator;
using GsoHitService.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// One agent or the coordinator, hosted in the <c>gso</c> process on real Kestrel with its
/// content root in the demo folder, registered exactly as its own <c>Program.cs</c> registers it.
/// </summary>
internal sealed class DemoHost : IAsyncDisposable
{
    /// <summary>How long calls still running may take to finish when a host stops.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private WebApplication? _app;

    private DemoHost(string name, WebApplication app)
    {
        Name = name;
        _app = app;
        Address = new Uri(app.Urls.First());
    }

    /// <summary>The department, or <c>coordinator</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>https://127.0.0.1:PORT</c> address that Kestrel listens on.</summary>
    public Uri Address { get; }

    public static Task<DemoHost> StartAgentAsync(string department, string contentRoot, bool verbose) =>
        StartAsync(department, contentRoot, verbose, builder => builder.AddAgent(), app => app.MapAgent());

    public static Task<DemoHost> StartCoordinatorAsync(string contentRoot, bool verbose) =>
        StartAsync("coordinator", contentRoot, verbose, builder => builder.AddCoordinator(), app => app.MapCoordinator());

    /// <summary>Stops the host and closes its listener; calls still running are aborted after a short grace period.</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        await StopAndDisposeAsync(app);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task StopAndDisposeAsync(WebApplication app)
    {
        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await app.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // The grace period ended: the calls that were still running are aborted.
        }

        await app.DisposeAsync();
    }

    private static async Task<DemoHost> StartAsync(
        string name,
        string contentRoot,
        bool verbose,
        Action<WebApplicationBuilder> addServices,
        Action<WebApplication> mapServices)
    {
        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Production,
        });
        ConfigureLogging(builder.Logging, verbose);
        addServices(builder);

        // The default console lifetime stops each host by itself on Ctrl+C. Here gso demo handles
        // Ctrl+C and stops the hosts in order, so the hosts must not react to the signal.
        builder.Services.AddSingleton<IHostLifetime, ProcessOwnedLifetime>();

        var app = builder.Build();
        mapServices(app);
        try
        {
            // Not cancellable: the host links its background services to this token, so a
            // cancelled start would end the index load as a crash. A start takes well under a
            // second, and the caller checks for Ctrl+C after it.
            await app.StartAsync(CancellationToken.None);
        }
        catch
        {
            // Stopping first lets background services that did start (the index load) end as
            // cancelled; disposing alone makes the host log them as crashed.
            await StopAndDisposeAsync(app);
            throw;
        }

        return new DemoHost(name, app);
    }

    /// <summary>
    /// Sends host logs to stderr, so that stdout carries only the demo's own output: warnings and
    /// errors by default, and everything from Information up with <c>--verbose</c>.
    /// </summary>
    private static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        if (verbose)
        {
            // Kestrel and gRPC log every request at Information, which buries the hosts' own lines.
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            logging.AddFilter("Grpc", LogLevel.Warning);
        }
    }

    /// <summary>A host lifetime that leaves start and stop to the code that owns the host.</summary>
    private sealed class ProcessOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
