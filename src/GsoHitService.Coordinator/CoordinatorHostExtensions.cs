using GsoHitService.Audit;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Coordinator.Content;
using GsoHitService.Coordinator.Decisions;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Signals;
using GsoHitService.Coordinator.Store;
using GsoHitService.Decisions;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator;

/// <summary>Registers and maps everything the coordinator runs.</summary>
internal static class CoordinatorHostExtensions
{
    /// <summary>The Windows service name, also the Event Log source.</summary>
    public const string ServiceName = "GsoHitServiceCoordinator";

    /// <summary>Configuration section of the HTTPS server settings (endpoints, certificate, client allow-list).</summary>
    public const string ServerSectionName = "Server";

    /// <summary>Configuration section of the client certificate and CA used towards the agents.</summary>
    public const string AgentClientSectionName = "AgentClient";

    /// <summary>
    /// Adds the coordinator's options (validated at start-up), its store, the kerngroep roster, the
    /// matching key, the audit log, the agent channels, the mutual-TLS gRPC server with the
    /// coordinator API and the gRPC health service.
    /// </summary>
    public static WebApplicationBuilder AddCoordinator(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CoordinatorOptions>, CoordinatorOptionsValidator>();

        services.AddOptions<CoreTeamOptions>().BindConfiguration(CoreTeamOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoreTeamOptions>, CoreTeamOptionsValidator>());
        services.AddSingleton(provider => CoreTeamRoster.Create(provider.GetRequiredService<IOptions<CoreTeamOptions>>().Value));

        services.AddCoordinatorStore(builder.Configuration);
        services.AddSingleton(CreateTokenizer);
        services.AddSingleton(CreateAudit);

        builder.AddMutualTlsGrpcClient(AgentClientSectionName);
        services.AddSingleton<IAgentDirectory, AgentDirectory>();
        services.AddSingleton<AgentStatusReader>();
        services.AddSingleton<AgentHitCaller>();

        services.AddSingleton<SignalRegistrar>();
        services.AddSingleton<DecisionPreparer>();
        services.AddSingleton<DecisionSubmitter>();
        services.AddSingleton<HitQueryRunner>();
        services.AddSingleton<HitQueryResultReader>();
        services.AddSingleton<ContentReleaser>();
        services.AddSingleton<ReleasedContentReader>();

        services.AddSingleton<ErrorMappingInterceptor>();
        builder.AddMutualTlsGrpcServer(ServerSectionName)
            .AddServiceOptions<CoordinatorApiService>(grpc => grpc.Interceptors.Add<ErrorMappingInterceptor>());
        services.AddGrpcHealthChecks();

        services.AddHostedService<CoordinatorStartup>();
        return builder;
    }

    /// <summary>Maps the coordinator's gRPC services.</summary>
    public static WebApplication MapCoordinator(this WebApplication app)
    {
        app.MapGrpcService<CoordinatorApiService>();
        app.MapGrpcHealthChecksService();
        return app;
    }

    /// <summary>
    /// Reads the matching key and derives the token keys from it. The key itself is disposed at
    /// once, so that only the tokenizer's derived keys stay in memory.
    /// </summary>
    private static MatchTokenizer CreateTokenizer(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<CoordinatorOptions>>().Value;
        var path = provider.GetRequiredService<IHostEnvironment>().ResolvePath(options.MatchingKeyFile);
        using var key = MatchingKeyFile.Read(path);
        return new MatchTokenizer(key);
    }

    private static CoordinatorAudit CreateAudit(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<CoordinatorOptions>>().Value;
        var path = provider.GetRequiredService<IHostEnvironment>().ResolvePath(options.AuditLogPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var log = AuditLog.Open(path, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<AuditLog>>());
        return new CoordinatorAudit(log, provider.GetRequiredService<ILogger<CoordinatorAudit>>());
    }
}
