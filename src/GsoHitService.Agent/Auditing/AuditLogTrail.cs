using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Configuration;
using GsoHitService.Agent.Queries;
using GsoHitService.Audit;
using GsoHitService.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Agent.Auditing;

/// <summary>
/// Writes request records to the agent's hash-chained <see cref="AuditLog"/>. Each append reaches
/// the disk before the answer leaves the agent.
/// </summary>
internal sealed class AuditLogTrail : IQueryAuditTrail, IDisposable
{
    private static readonly string[] RequestActions = [ToAction(RequestKind.HitQuery), ToAction(RequestKind.HitScreening), ToAction(RequestKind.ContentRelease)];

    private readonly AuditLog _log;
    private readonly string _department;

    public AuditLogTrail(IOptions<AgentOptions> options, IHostEnvironment environment, TimeProvider timeProvider, ILogger<AuditLog> logger)
    {
        var path = environment.ResolvePath(options.Value.AuditLogPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _log = AuditLog.Open(path, timeProvider, logger);
        _department = options.Value.Department;
    }

    /// <summary>Full path of the audit log file.</summary>
    public string Path => _log.Path;

    public async ValueTask RecordAsync(QueryAuditRecord record, CancellationToken cancellationToken)
    {
        var entry = ToEntry(record, _department);
        try
        {
            await _log.AppendAsync(entry, cancellationToken);
        }
        catch (Exception exception) when (exception is AuditLogException or ArgumentException)
        {
            throw new AuditWriteException($"The audit record of {record.Kind} '{record.RequestId}' could not be written.", exception);
        }
    }

    public void Dispose() => _log.Dispose();

    /// <summary>Maps a request record to an audit entry: ids, counts and reasons only.</summary>
    internal static AuditEntry ToEntry(QueryAuditRecord record, string department) =>
        new(DescribeCaller(record.Caller), ToAction(record.Kind), ToOutcome(record.Outcome))
        {
            DecisionId = record.DecisionId,
            Department = department,
            Counts = ToCounts(record),
            Reason = DescribeReason(record),
        };

    private static string DescribeCaller(CallerIdentity caller) =>
        caller.Thumbprint.Length == 0 ? caller.Subject : $"{caller.Subject}; sha256={caller.Thumbprint}";

    /// <summary>
    /// Reads the ids of the decisions that the audit log at <paramref name="path"/> shows as used:
    /// those of every request that passed authorisation, whether it was then answered, failed or
    /// cancelled. A refused request did not use its decision.
    /// </summary>
    /// <exception cref="InvalidDataException">A line of the log is damaged; the message names it.</exception>
    internal static IEnumerable<string> ReadDecisionUses(string path, CancellationToken cancellationToken) =>
        AuditLogReader.ReadRecords(path, cancellationToken)
            .Where(record => record.Entry.DecisionId is not null
                && record.Entry.Outcome != Audit.AuditOutcome.Refused
                && RequestActions.Contains(record.Entry.Action))
            .Select(record => record.Entry.DecisionId!);

    private static string ToAction(RequestKind kind) => kind switch
    {
        RequestKind.HitQuery => "hit-query",
        RequestKind.HitScreening => "hit-screening",
        _ => "content-release",
    };

    private static Audit.AuditOutcome ToOutcome(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Answered => Audit.AuditOutcome.Succeeded,
        AuditOutcome.Refused => Audit.AuditOutcome.Refused,
        _ => Audit.AuditOutcome.Failed,
    };

    private static AuditCounts ToCounts(QueryAuditRecord record)
    {
        // Requests are capped far below int.MaxValue tokens (Agent:Limits:MaxProbesPerRequest).
        var asked = checked((int)record.ProbeCount);
        return record.Answers is { } answers
            ? new AuditCounts(asked, checked((int)answers.Hits), checked((int)answers.NoHits), checked((int)answers.NotHeld), checked((int)answers.Unavailable))
            : AuditCounts.Refused(asked);
    }

    /// <summary>
    /// Puts the coordinator's request id first, so that both audit logs can be matched, then the
    /// refusal or failure.
    /// </summary>
    // NOTE: The audit entry has no field for the request id, so it travels in Reason.
    private static string DescribeReason(QueryAuditRecord record)
    {
        var reason = $"request {record.RequestId}";
        if (record.RefusalReason is { } refusal)
        {
            reason += $"; refused ({refusal})";
        }
        else if (record.Outcome == AuditOutcome.Cancelled)
        {
            reason += "; cancelled";
        }

        if (record.Detail is { Length: > 0 } detail)
        {
            reason += $": {detail}";
        }

        return reason.Length <= AuditEntry.MaxReasonLength ? reason : reason[..AuditEntry.MaxReasonLength];
    }
}
