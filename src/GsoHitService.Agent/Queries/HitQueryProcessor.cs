using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Indexing;
using GsoHitService.Matching;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent.Queries;

/// <summary>
/// Answers hit queries: checks the match context, the token lengths and the per-request cap as
/// probes arrive, then asks the authorizer, charges the caller's quota, looks every token up in
/// one index snapshot and writes the audit record before the answer leaves the agent.
/// </summary>
internal sealed partial class HitQueryProcessor(
    AgentDescriptor agent,
    AgentSources sources,
    IIndexStatusSource indexStatus,
    IOptions<AgentOptions> options,
    CallerQuota quota,
    IRequestAuthorizer authorizer,
    IQueryAuditTrail auditTrail,
    ContentReader contentReader,
    LookupProgress progress,
    ILogger<HitQueryProcessor> logger)
{
    /// <summary>Tokens looked up between two checks of the call's cancellation token.</summary>
    internal const int CancellationCheckInterval = 4_096;

    /// <summary>Largest query id, in characters.</summary>
    internal const int MaxRequestIdLength = 128;

    public int MaxProbesPerRequest => options.Value.Limits.MaxProbesPerRequest;

    /// <summary>Field names that a content release may name at this department.</summary>
    internal IReadOnlySet<string> ReleasableFields => contentReader.ReleasableFields;

    /// <summary>Starts collecting one request.</summary>
    public HitQuerySession Begin(RequestKind kind, CallerIdentity caller) => new(this, kind, caller);

    /// <summary>Refuses a request whose token scheme, normaliser profile or key epoch differs from the agent's.</summary>
    internal void CheckContext(AgentMatchContext requested)
    {
        var own = agent.Context;
        if (requested.TokenSchemeVersion != own.TokenSchemeVersion)
        {
            throw ContextMismatch("token scheme version", requested.TokenSchemeVersion.ToString(), own.TokenSchemeVersion.ToString());
        }

        if (!string.Equals(requested.NormaliserProfile, own.NormaliserProfile, StringComparison.Ordinal))
        {
            throw ContextMismatch("normaliser profile", requested.NormaliserProfile, own.NormaliserProfile);
        }

        if (!string.Equals(requested.KeyEpoch, own.KeyEpoch, StringComparison.Ordinal))
        {
            throw ContextMismatch("key epoch", requested.KeyEpoch, own.KeyEpoch);
        }
    }

    internal async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var result = await authorizer.AuthorizeAsync(request, cancellationToken);
        if (!result.IsAllowed)
        {
            Log.RequestNotAuthorized(logger, request.Kind, request.RequestId, request.Caller.Thumbprint, result.ReasonCode, result.DecisionId);
            throw new QueryRefusedException(
                QueryRefusalReason.NotAuthorized,
                result.RefusalReason ?? "The request is not allowed by a signed decision.",
                result.ReasonCode,
                result.DecisionId);
        }

        return result;
    }

    internal void ChargeQuota(RequestKind kind, string requestId, CallerIdentity caller, long probeCount)
    {
        if (quota.TryConsume(caller.Thumbprint, probeCount, out var used))
        {
            return;
        }

        Log.QuotaExceeded(logger, kind, requestId, caller.Thumbprint, probeCount, used, quota.MaxProbes, quota.Window);
        throw new QueryRefusedException(
            QueryRefusalReason.QuotaExceeded,
            $"The request carries {probeCount} match tokens, but this caller has used {used} of its {quota.MaxProbes} " +
            $"within the rolling window of {quota.Window} (Agent:Limits:MaxProbesPerCaller). Wait, or ask the department to raise the quota.");
    }

    internal QueryRefusedException RequestCapExceeded(RequestKind kind, string requestId, CallerIdentity caller, long probeCount)
    {
        Log.RequestCapExceeded(logger, kind, requestId, caller.Thumbprint, probeCount, MaxProbesPerRequest);
        return new QueryRefusedException(
            QueryRefusalReason.RequestCapExceeded,
            $"The request carries more than {MaxProbesPerRequest} match tokens, the most this agent answers in one request " +
            "(Agent:Limits:MaxProbesPerRequest). Split the query into smaller requests.");
    }

    /// <summary>
    /// Looks up every token in one index snapshot. Types that no source indexes are "not held";
    /// without a usable index every other token is "unavailable", never "no hit".
    /// </summary>
    /// <exception cref="OperationCanceledException">The call was cancelled or its deadline passed.</exception>
    internal void Lookup(IndexStatus status, IReadOnlyList<ProbeGroup> groups, Span<ProbeAnswer> answers, CancellationToken cancellationToken)
    {
        var index = status.Index;
        var position = 0;
        var sinceCheck = 0;

        foreach (var group in groups)
        {
            var groupAnswers = answers.Slice(position, group.TokenCount);
            position += group.TokenCount;

            if (!sources.HeldTypes.Contains(group.Type))
            {
                groupAnswers.Fill(ProbeAnswer.NotHeld);
                continue;
            }

            if (index is null)
            {
                groupAnswers.Fill(ProbeAnswer.Unavailable);
                continue;
            }

            var tokens = group.Tokens.Span;
            for (var i = 0; i < groupAnswers.Length; i++)
            {
                var token = new MatchToken(tokens.Slice(i * MatchToken.Length, MatchToken.Length));
                groupAnswers[i] = index.Contains(token) ? ProbeAnswer.Hit : ProbeAnswer.NoHit;

                if (++sinceCheck == CancellationCheckInterval)
                {
                    progress.OnBatchChecked(sinceCheck, cancellationToken);
                    cancellationToken.ThrowIfCancellationRequested();
                    sinceCheck = 0;
                }
            }
        }

        if (sinceCheck > 0)
        {
            progress.OnBatchChecked(sinceCheck, cancellationToken);
        }
    }

    internal IndexStatus CurrentIndexStatus => indexStatus.Current;

    internal Task<IReadOnlyList<ReleasedSubjectContent>> ReadContentAsync(RequestedRelease release, CancellationToken cancellationToken) =>
        contentReader.ReadAsync(release, cancellationToken);

    internal async Task RecordAsync(QueryAuditRecord record)
    {
        // Recorded even when the call was cancelled: the audit log must show every request.
        await auditTrail.RecordAsync(record, CancellationToken.None);

        if (record.Outcome == AuditOutcome.Answered && record.Answers is { } counts)
        {
            Log.QueryAnswered(logger, record.Kind, record.RequestId, record.ProbeCount, counts.Hits, counts.NoHits, counts.NotHeld, counts.Unavailable);
        }
    }

    internal void LogRefused(QueryAuditRecord record) =>
        Log.RequestRefused(logger, record.Kind, record.RequestId, record.Caller.Thumbprint, record.RefusalReason, record.ProbeCount);

    internal void LogCancelled(QueryAuditRecord record) =>
        Log.RequestCancelled(logger, record.Kind, record.RequestId, record.ProbeCount);

    internal void LogFailed(QueryAuditRecord record, Exception exception) =>
        Log.RequestFailed(logger, record.Kind, record.RequestId, exception);

    internal void LogAuditFailed(QueryAuditRecord record, Exception exception) =>
        Log.AuditFailed(logger, record.Kind, record.RequestId, record.Outcome, exception);

    private static QueryRefusedException ContextMismatch(string setting, string requested, string own) =>
        new(QueryRefusalReason.ContextMismatch,
            $"The request's {setting} is \"{requested}\" but this agent uses \"{own}\". Tokens of another {setting} " +
            "never match, so the query is not answered. Compute the tokens with the agent's settings (see GetAgentInfo).");

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, EventName = "QueryAnswered", Level = LogLevel.Debug,
            Message = "{Kind} {RequestId} answered: {ProbeCount} tokens, {Hits} hits, {NoHits} no hits, {NotHeld} not held, {Unavailable} unavailable")]
        public static partial void QueryAnswered(ILogger logger, RequestKind kind, string requestId, long probeCount, long hits, long noHits, long notHeld, long unavailable);

        [LoggerMessage(EventId = 2002, EventName = "RequestCapExceeded", Level = LogLevel.Warning,
            Message = "{Kind} {RequestId} from {CallerThumbprint} refused: more than {ProbeCount} tokens, the per-request cap is {MaxProbesPerRequest}")]
        public static partial void RequestCapExceeded(ILogger logger, RequestKind kind, string requestId, string callerThumbprint, long probeCount, int maxProbesPerRequest);

        [LoggerMessage(EventId = 2003, EventName = "QuotaExceeded", Level = LogLevel.Warning,
            Message = "{Kind} {RequestId} from {CallerThumbprint} refused: {ProbeCount} tokens requested, {UsedProbes} of {MaxProbes} already used within {Window}")]
        public static partial void QuotaExceeded(ILogger logger, RequestKind kind, string requestId, string callerThumbprint, long probeCount, long usedProbes, long maxProbes, TimeSpan window);

        [LoggerMessage(EventId = 2004, EventName = "RequestNotAuthorized", Level = LogLevel.Warning,
            Message = "{Kind} {RequestId} from {CallerThumbprint} refused: not allowed by a signed decision ({ReasonCode}, decision {DecisionId})")]
        public static partial void RequestNotAuthorized(ILogger logger, RequestKind kind, string requestId, string callerThumbprint, string? reasonCode, string? decisionId);

        [LoggerMessage(EventId = 2005, EventName = "RequestRefused", Level = LogLevel.Information,
            Message = "{Kind} {RequestId} from {CallerThumbprint} refused ({RefusalReason}) after {ProbeCount} tokens")]
        public static partial void RequestRefused(ILogger logger, RequestKind kind, string requestId, string callerThumbprint, QueryRefusalReason? refusalReason, long probeCount);

        [LoggerMessage(EventId = 2006, EventName = "RequestCancelled", Level = LogLevel.Information,
            Message = "{Kind} {RequestId} cancelled by the caller or its deadline after {ProbeCount} tokens")]
        public static partial void RequestCancelled(ILogger logger, RequestKind kind, string requestId, long probeCount);

        [LoggerMessage(EventId = 2007, EventName = "RequestFailed", Level = LogLevel.Error,
            Message = "{Kind} {RequestId} failed")]
        public static partial void RequestFailed(ILogger logger, RequestKind kind, string requestId, Exception exception);

        [LoggerMessage(EventId = 2008, EventName = "AuditFailed", Level = LogLevel.Critical,
            Message = "The audit record of {Kind} {RequestId} ({Outcome}) could not be written")]
        public static partial void AuditFailed(ILogger logger, RequestKind kind, string requestId, AuditOutcome outcome, Exception exception);
    }
}
