using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Queries;
using GsoHitService.Agent.Services;
using GsoHitService.Decisions;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.Sources;
using GsoHitService.Sources.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent;

/// <summary>Registers and maps everything the department agent runs.</summary>
internal static class AgentHostExtensions
{
    /// <summary>The Windows service name, also the Event Log source.</summary>
    public const string ServiceName = "GsoHitServiceAgent";

    /// <summary>Configuration section of the HTTPS server settings (endpoints, certificate, client allow-list).</summary>
    public const string ServerSectionName = "Server";

    /// <summary>
    /// Adds the agent's options (validated at start-up), sources, matching key, index, query
    /// processing, the mutual-TLS gRPC server, the gRPC health service and, when enabled, server
    /// reflection.
    /// </summary>
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddDepartmentSourceOptions(AgentOptions.SectionName);

        services.AddSingleton(CreateSources);
        services.AddSingleton(CreateTokenizer);
        services.AddSingleton(CreateDescriptor);

        services.AddSingleton<IndexLoader>();
        services.AddSingleton<IndexManager>();
        services.AddSingleton<IIndexStatusSource>(provider => provider.GetRequiredService<IndexManager>());

        services.AddSingleton<CallerQuota>();
        services.AddSingleton<LookupProgress>();
        services.AddSingleton<HitQueryProcessor>();
        services.AddSingleton<ContentReader>();
        AddDecisionVerification(builder);
        services.TryAddSingleton<IRequestAuthorizer, SignedDecisionAuthorizer>();
        services.AddSingleton<IQueryAuditTrail, AuditLogTrail>();

        builder.AddMutualTlsGrpcServer(ServerSectionName);
        services.AddGrpcHealthChecks().AddCheck<IndexHealthCheck>("index");
        if (IsServerReflectionEnabled(builder.Configuration))
        {
            services.AddGrpcReflection();
        }

        // Hosted services start in this order: the start-up log first, then the index's first load.
        services.AddHostedService<AgentStartupLog>();
        services.AddHostedService(provider => provider.GetRequiredService<IndexManager>());

        return builder;
    }

    /// <summary>Maps the agent's gRPC services.</summary>
    public static WebApplication MapAgent(this WebApplication app)
    {
        app.MapGrpcService<DepartmentAgentService>();
        app.MapGrpcHealthChecksService();
        // Read from configuration, not from the options: these are validated when the host starts.
        if (IsServerReflectionEnabled(app.Configuration))
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }

    /// <summary>
    /// Registers the verifier of signed decisions with the roster of the root section
    /// <c>CoreTeam</c>, and the record of used decisions at <c>Agent:Decisions:UseRecordPath</c>.
    /// </summary>
    private static void AddDecisionVerification(WebApplicationBuilder builder)
    {
        // Read from configuration, not from the options, because the path is needed while services
        // are registered; the options validator still checks it at start-up.
        var configuredPath = builder.Configuration[$"{AgentOptions.SectionName}:Decisions:{nameof(AgentDecisionOptions.UseRecordPath)}"];
        var useRecordPath = builder.Environment.ResolvePath(string.IsNullOrWhiteSpace(configuredPath) ? new AgentDecisionOptions().UseRecordPath : configuredPath);

        // Registered before AddDecisionVerification, whose TryAdd keeps it: the folder must exist
        // before the record takes its lock file there.
        builder.Services.AddSingleton(provider =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(useRecordPath)!);
            // The agent's audit entry of each request names its decision and is on disk before the
            // reply, so the record need not flush each use. After a crash only the audit log may show
            // the last uses, so they are restored from it at every start.
            var record = DecisionUseRecord.Open(
                useRecordPath, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<DecisionUseRecord>>(), flushEachUse: false);
            try
            {
                var auditLogPath = builder.Environment.ResolvePath(provider.GetRequiredService<IOptions<AgentOptions>>().Value.AuditLogPath);
                record.Restore(AuditLogTrail.ReadDecisionUses(auditLogPath, CancellationToken.None), auditLogPath);
                return record;
            }
            catch
            {
                record.Dispose();
                throw;
            }
        });
        builder.Services.AddDecisionVerification(builder.Configuration.GetSection(CoreTeamOptions.SectionName), useRecordPath);
    }

    private static bool IsServerReflectionEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{AgentOptions.SectionName}:{nameof(AgentOptions.EnableServerReflection)}");

    internal static AgentSources CreateSources(IServiceProvider provider)
    {
        var factory = new SourceFactory(
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath,
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>());
        var options = provider.GetRequiredService<IOptions<DepartmentSourcesOptions>>().Value;
        return new AgentSources(factory.CreateAll(options, AgentOptions.SectionName));
    }

    /// <summary>
    /// Reads the matching key and derives the token keys from it. The key itself is disposed at
    /// once, so that only the tokenizer's derived keys stay in memory.
    /// </summary>
    private static MatchTokenizer CreateTokenizer(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
        var path = provider.GetRequiredService<IHostEnvironment>().ResolvePath(options.MatchingKeyFile);
        using var key = MatchingKeyFile.Read(path);
        return new MatchTokenizer(key);
    }

    private static AgentDescriptor CreateDescriptor(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
        var tokenizer = provider.GetRequiredService<MatchTokenizer>();
        return new AgentDescriptor(
            options.Department,
            options.DisplayName,
            new AgentMatchContext(TokenScheme.Version, NormaliserProfile.Id, tokenizer.KeyEpoch));
    }
}
