using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Indexing;
using GsoHitService.Matching;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent;

/// <summary>
/// Logs once at start-up what this agent serves and which development settings are on. Taking the
/// audit trail opens the audit log, so that an unusable log stops the start, not the first query.
/// </summary>
internal sealed partial class AgentStartupLog(
    AgentDescriptor agent,
    AgentSources sources,
    IQueryAuditTrail auditTrail,
    IOptions<AgentOptions> options,
    ILogger<AgentStartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var heldTypes = string.Join(", ", sources.HeldTypes.Order().Select(IdentifierTypes.ToName));
        Log.AgentStarting(logger, agent.Department, AgentDescriptor.SoftwareVersion, sources.Sources.Count, heldTypes,
            agent.Context.TokenSchemeVersion, agent.Context.NormaliserProfile, agent.Context.KeyEpoch);

        if (auditTrail is AuditLogTrail log)
        {
            Log.AuditLogOpened(logger, log.Path);
        }

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

        [LoggerMessage(EventId = 4004, EventName = "AuditLogOpened", Level = LogLevel.Information,
            Message = "Requests are audited in {AuditLogPath}")]
        public static partial void AuditLogOpened(ILogger logger, string auditLogPath);
    }
}
