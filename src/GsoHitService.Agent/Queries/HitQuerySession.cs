using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Authorization;
using GsoHitService.Matching;

namespace GsoHitService.Agent.Queries;

/// <summary>
/// One request being collected and answered. The service feeds it the header and the probe
/// groups as they arrive (one message, or the chunks of a screening stream), then calls
/// <see cref="AnswerAsync"/> once the caller has sent everything, or <see cref="RecordFailureAsync"/>
/// when anything went wrong. Either way exactly one audit record is written. Not thread-safe.
/// </summary>
internal sealed class HitQuerySession(HitQueryProcessor processor, RequestKind kind, CallerIdentity caller)
{
    private readonly List<ProbeGroup> _groups = [];
    private readonly List<int> _chunkGroupCounts = [];
    private string _requestId = "";
    private SignedDecisionEnvelope? _decision;
    private string? _decisionId;
    private long _probeCount;
    private int _groupsInEndedChunks;
    private bool _started;
    private bool _recorded;

    /// <summary>Checks the request header.</summary>
    /// <exception cref="QueryRefusedException">No query id, no match context, or a context that differs from the agent's.</exception>
    public void Start(string? requestId, AgentMatchContext? context, SignedDecisionEnvelope? decision)
    {
        if (_started)
        {
            throw Invalid("The query header was sent twice; send it in the first message only.");
        }

        _started = true;
        _requestId = requestId?.Trim() ?? "";
        if (_requestId.Length == 0)
        {
            throw Invalid("The request carries no query id; set it to the coordinator's id of the query.");
        }

        // The id goes into logs and the audit log, so it may not carry line breaks or free text.
        if (_requestId.Length > HitQueryProcessor.MaxRequestIdLength || !_requestId.All(IsRequestIdCharacter))
        {
            _requestId = "(invalid)";
            throw Invalid($"The query id must be 1 to {HitQueryProcessor.MaxRequestIdLength} characters: letters, digits, '.', '_', ':' or '-'.");
        }

        if (context is null)
        {
            throw Invalid("The request carries no match context; send the token scheme version, normaliser profile and key epoch.");
        }

        processor.CheckContext(context);
        _decision = decision;
    }

    /// <summary>Adds one probe group and checks its type, its token lengths and the per-request cap.</summary>
    /// <param name="wireType">The identifier type's number on the wire.</param>
    /// <param name="tokens">The concatenated tokens; kept, not copied.</param>
    /// <exception cref="QueryRefusedException">The group is malformed or the request now exceeds the cap.</exception>
    public void AddGroup(int wireType, ReadOnlyMemory<byte> tokens)
    {
        if (!_started)
        {
            throw Invalid("The first message carries no query header; send query id, match context and decision first.");
        }

        var position = _groups.Count + 1;
        if (!IdentifierTypes.IsDefined(wireType, out var type))
        {
            throw Invalid($"Probe group {position} has identifier type {wireType}, which is not a defined identifier type.");
        }

        if (tokens.Length == 0 || tokens.Length % MatchToken.Length != 0)
        {
            throw Invalid(
                $"Probe group {position} ({IdentifierTypes.ToName(type.Value)}) carries {tokens.Length} bytes of tokens. Every match token " +
                $"is exactly {MatchToken.Length} bytes, so the length must be a non-zero multiple of {MatchToken.Length}. " +
                "Send each token as computed by the token scheme, without truncating or padding it.");
        }

        var tokenCount = tokens.Length / MatchToken.Length;
        if (_probeCount + tokenCount > processor.MaxProbesPerRequest)
        {
            _probeCount += tokenCount;
            throw processor.RequestCapExceeded(kind, _requestId, caller, _probeCount);
        }

        _probeCount += tokenCount;
        _groups.Add(new ProbeGroup(type.Value, tokens));
    }

    /// <summary>Marks the end of one request message, so that the reply can follow the same chunking.</summary>
    public void EndChunk()
    {
        _chunkGroupCounts.Add(_groups.Count - _groupsInEndedChunks);
        _groupsInEndedChunks = _groups.Count;
    }

    /// <summary>
    /// Authorises a content release, charges its tokens to the quota, reads the approved fields of
    /// the matching records and audits the release with counts only.
    /// </summary>
    /// <exception cref="QueryRefusedException">The release is malformed, not authorised, over the quota, or a source cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The call was cancelled or its deadline passed.</exception>
    public async Task<ReleasedContent> ReleaseAsync(
        IReadOnlyList<ReleaseRequestReader.RawSubject> subjects, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            throw Invalid("The request carries no release header.");
        }

        // A release is audited per subject: asked is the number of subjects, a hit a subject with
        // released records. Its tokens count against the cap and the quota.
        _probeCount = subjects.Count;
        var release = ReleaseRequestReader.Read(subjects, fields, processor.ReleasableFields);
        var tokenCount = release.TokenCount;
        if (tokenCount > processor.MaxProbesPerRequest)
        {
            throw processor.RequestCapExceeded(kind, _requestId, caller, tokenCount);
        }

        var authorization = await processor.AuthorizeAsync(
            new AuthorizationRequest(kind, _requestId, caller, _decision, [], release), cancellationToken);
        _decisionId = authorization.DecisionId;

        processor.ChargeQuota(kind, _requestId, caller, tokenCount);

        var released = await processor.ReadContentAsync(release, cancellationToken);
        var content = new ReleasedContent(released, processor.CurrentIndexStatus.LastSuccessfulLoad);

        var withRecords = content.Subjects.Count(subject => subject.Records.Count > 0);
        var counts = new ProbeAnswerCounts(withRecords, content.Subjects.Count - withRecords, 0, 0);
        var detail = $"released {content.RecordCount} records with {content.FieldValueCount} field values for {content.Subjects.Count} subjects";
        var record = CreateRecord(AuditOutcome.Answered, counts, refusalReason: null, detail);
        await RecordAnswerAsync(record);

        return content;
    }

    /// <summary>Authorises, charges the quota, looks every token up and audits the answer.</summary>
    /// <exception cref="QueryRefusedException">The request is empty, not authorised or over the caller's quota.</exception>
    /// <exception cref="OperationCanceledException">The call was cancelled or its deadline passed.</exception>
    public async Task<QueryAnswers> AnswerAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            throw Invalid("The request carries no query header.");
        }

        if (_groups.Count == 0)
        {
            throw Invalid("The request carries no probe groups; send at least one match token.");
        }

        var authorization = await processor.AuthorizeAsync(
            new AuthorizationRequest(kind, _requestId, caller, _decision, _groups), cancellationToken);
        _decisionId = authorization.DecisionId;

        processor.ChargeQuota(kind, _requestId, caller, _probeCount);

        var status = processor.CurrentIndexStatus;
        var answers = new ProbeAnswer[_probeCount];
        processor.Lookup(status, _groups, answers, cancellationToken);

        var counts = ProbeAnswerCounts.Count(answers);
        var record = CreateRecord(AuditOutcome.Answered, counts, refusalReason: null, detail: null);
        await RecordAnswerAsync(record);

        return new QueryAnswers(_groups, answers, _chunkGroupCounts.Count > 0 ? _chunkGroupCounts : [_groups.Count], status.Index is null ? null : status.LastSuccessfulLoad, counts);
    }

    /// <summary>
    /// Audits a request that ended in <paramref name="exception"/>: a refusal, a cancellation or a
    /// failure. A failure to write the audit record is logged, not thrown, because the caller is
    /// about to report the original exception.
    /// </summary>
    public async Task RecordFailureAsync(Exception exception, bool callCancelled)
    {
        if (_recorded)
        {
            return;
        }

        _recorded = true;
        var record = exception switch
        {
            QueryRefusedException refused => CreateRefusalRecord(refused),
            _ when callCancelled => CreateRecord(AuditOutcome.Cancelled, null, null, "The caller cancelled the call or its deadline passed."),
            _ => CreateRecord(AuditOutcome.Failed, null, null, $"The agent failed with {exception.GetType().Name}."),
        };

        switch (record.Outcome)
        {
            case AuditOutcome.Refused:
                processor.LogRefused(record);
                break;
            case AuditOutcome.Cancelled:
                processor.LogCancelled(record);
                break;
            default:
                processor.LogFailed(record, exception);
                break;
        }

        try
        {
            await processor.RecordAsync(record);
        }
        catch (Exception auditException)
        {
            processor.LogAuditFailed(record, auditException);
        }
    }

    /// <summary>
    /// Writes the audit record of an answer, which is on disk before the reply leaves. It names the
    /// decision, so it is also the durable record of the decision's use: at start-up the agent
    /// restores uses from its audit log.
    /// </summary>
    private async Task RecordAnswerAsync(QueryAuditRecord record)
    {
        // When the audit record cannot be written, no reply leaves, and because _recorded stays
        // false the failure gets an audit record of its own.
        await processor.RecordAsync(record);
        _recorded = true;
    }

    private QueryAuditRecord CreateRefusalRecord(QueryRefusedException refused)
    {
        // A refused decision is audited under its own id, so that misuse of a decision is traceable.
        _decisionId ??= refused.DecisionId;
        var detail = refused.ReasonCode is { } code ? $"{code}: {refused.Message}" : refused.Message;
        return CreateRecord(AuditOutcome.Refused, null, refused.Reason, detail);
    }

    private QueryAuditRecord CreateRecord(AuditOutcome outcome, ProbeAnswerCounts? counts, QueryRefusalReason? refusalReason, string? detail) =>
        new(kind, _requestId, caller, _decisionId, _groups.Count, _probeCount, outcome, counts, refusalReason, detail);

    private static bool IsRequestIdCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or ':' or '-';

    private static QueryRefusedException Invalid(string message) => new(QueryRefusalReason.InvalidRequest, message);
}
