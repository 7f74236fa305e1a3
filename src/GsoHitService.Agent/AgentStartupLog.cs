using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Indexing;
using GsoHitService.Matching;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent;

/// <summary>Logs once at start-up what this agent serves and which development settings are on.</summary>
internal sealed partial class AgentStartupLog(
    AgentDescriptor agent,
    AgentSources sources,
    IOptions<AgentOptions> options,
    ILogger<AgentStartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var heldTypes = string.Join(", ", sources.HeldTypes.Order().Select(IdentifierTypes.ToName));
        Log.AgentStarting(logger, agent.Department, AgentDescriptor.SoftwareVersion, sources.Sources.Count, heldTypes,
            agent.Context.TokenSchemeVersion, agent.Context.NormaliserProfile, agent.Context.KeyEpoch);

        if (options.Value.Decisions.IsEnforcementOff)
        {
            Log.DecisionEnforcementOff(logger);
        }

        if (options.Value.EnableServerReflection)
        {
            Log.ServerReflectionOn(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, EventName = "AgentStarting", Level = LogLevel.Information,
            Message = "Agent for department {Department} version {AgentVersion} starting: {SourceCount} sources holding {IdentifierTypes}; token scheme {TokenSchemeVersion}, normaliser profile {NormaliserProfile}, key epoch {KeyEpoch}")]
        public static partial void AgentStarting(ILogger logger, string department, string agentVersion, int sourceCount, string identifierTypes,
            uint tokenSchemeVersion, string normaliserProfile, string keyEpoch);

        [LoggerMessage(EventId = 4002, EventName = "DecisionEnforcementOff", Level = LogLevel.Warning,
            Message = "Agent:Decisions:Enforcement is Off: every caller on the certificate allow-list can query without a signed decision. Use this for development only")]
        public static partial void DecisionEnforcementOff(ILogger logger);

        [LoggerMessage(EventId = 4003, EventName = "ServerReflectionOn", Level = LogLevel.Information,
            Message = "gRPC server reflection is on (Agent:EnableServerReflection)")]
        public static partial void ServerReflectionOn(ILogger logger);
    }
}
