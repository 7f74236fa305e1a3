using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Indexing;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent;

/// <summary>
/// Logs once at start-up what this agent serves and which development settings are on. Taking the
/// audit trail and the decision verifier opens the audit log and the record of used decisions, so
/// that an unusable file or roster stops the start, not the first query.
/// </summary>
internal sealed partial class AgentStartupLog(
    AgentDescriptor agent,
    AgentSources sources,
    IQueryAuditTrail auditTrail,
    CoreTeamRoster roster,
    DecisionUseRecord useRecord,
    DecisionVerifier verifier,
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

        // The verifier is taken here, so that a wrong roster or an unusable use record stops the start.
        _ = verifier;
        Log.DecisionsVerified(logger, roster.Members.Count, useRecord.ActiveCount);
        foreach (var member in roster.Members.OrderBy(member => member.Id, StringComparer.Ordinal))
        {
            // Lets an operator compare each configured key with the member's own fingerprint.
            Log.RosterMember(logger, member.Id, member.Role, member.PublicKeyFingerprint);
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

        [LoggerMessage(EventId = 4002, EventName = "DecisionsVerified", Level = LogLevel.Information,
            Message = "Signed decisions are verified against a roster of {MemberCount} kerngroep members; {ActiveUseCount} used decisions have not expired yet")]
        public static partial void DecisionsVerified(ILogger logger, int memberCount, int activeUseCount);

        [LoggerMessage(EventId = 4005, EventName = "RosterMember", Level = LogLevel.Information,
            Message = "Kerngroep member {MemberId} ({Role}) with public key fingerprint {Fingerprint}")]
        public static partial void RosterMember(ILogger logger, string memberId, CoreTeamRole role, string fingerprint);

        [LoggerMessage(EventId = 4003, EventName = "ServerReflectionOn", Level = LogLevel.Information,
            Message = "gRPC server reflection is on (Agent:EnableServerReflection)")]
        public static partial void ServerReflectionOn(ILogger logger);

        [LoggerMessage(EventId = 4004, EventName = "AuditLogOpened", Level = LogLevel.Information,
            Message = "Requests are audited in {AuditLogPath}")]
        public static partial void AuditLogOpened(ILogger logger, string auditLogPath);
    }
}
