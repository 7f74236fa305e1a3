using Google.Protobuf;
using Grpc.Core;
using GsoHitService.Audit;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Coordinator.Decisions;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using Microsoft.Extensions.Options;
using DecisionKind = GsoHitService.Coordinator.Domain.DecisionKind;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Content;

/// <summary>
/// Asks one department's agent for the content that a recorded privacy check 2 decision releases,
/// and records it encrypted. The agent verifies the decision itself and releases only its fields;
/// the store refuses any record outside the decision as well.
/// </summary>
internal sealed class ContentReleaser(
    ICoordinatorStore store,
    IAgentDirectory agents,
    MatchTokenizer tokenizer,
    CoordinatorAudit audit,
    IOptions<CoordinatorOptions> options,
    TimeProvider timeProvider,
    ILogger<ContentReleaser> logger)
{
    public async Task<ContentRelease> ReleaseAsync(DecisionId decisionId, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var decision = await store.GetDecisionAsync(decisionId, cancellationToken);
        if (decision is null || decision.Kind != DecisionKind.PrivacyCheck2)
        {
            throw RequestRefusedException.FailedPrecondition(
                CoordinatorErrorCodes.ReasonNoPrivacyCheck2,
                decision is null
                    ? $"Decision {decisionId} is not recorded; submit the signed privacy check 2 decision first."
                    : $"Decision {decisionId} is a privacy check 1 decision; a content release needs a privacy check 2 decision.",
                (CoordinatorErrorCodes.DecisionIdTrailer, decisionId.Value));
        }

        DecisionRules.RequireValidNow(decision, timeProvider.GetUtcNow());
        var model = DecisionRules.DecodePrivacyCheck2(decision);
        DecisionRules.RequireCurrentTokenContext(decision.Id, model.TokenContext, tokenizer);

        // One release per decision: refused before the agent is asked, so that it releases nothing twice.
        var released = await store.ListContentReleasesAsync(decision.CaseId!.Value, cancellationToken);
        if (released.Any(release => release.DecisionId == decision.Id))
        {
            throw new RequestRefusedException(
                StatusCode.AlreadyExists,
                CoordinatorErrorCodes.ReasonContentAlreadyReleased,
                $"The content of decision {decision.Id} was released before; a privacy check 2 decision releases once.",
                (CoordinatorErrorCodes.DecisionIdTrailer, decision.Id.Value));
        }

        var department = model.Department;
        var agent = agents.Find(department)
            ?? throw new RequestRefusedException(
                StatusCode.Unavailable,
                CoordinatorErrorCodes.ReasonReleaseFailed,
                $"No agent is configured for department {department}.",
                (CoordinatorErrorCodes.DepartmentTrailer, department));

        // Audited before the agent is asked: if the log cannot be written, nothing is released.
        var releaseId = ContentReleaseId.New();
        await audit.RecordAsync(
            new AuditEntry(caller.Actor, CoordinatorAudit.Actions.ContentRelease, AuditOutcome.Succeeded)
            {
                DecisionId = decision.Id.Value,
                Department = department,
                Fields = decision.Fields,
                Reason = $"requested release {releaseId}",
            },
            cancellationToken);

        Proto.ContentReleaseReply reply;
        try
        {
            reply = await agent.Client.ReleaseContentAsync(ToRequest(releaseId, decision, model), DeadlineOptions(cancellationToken));
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException or IOException or OperationCanceledException)
        {
            var failure = AgentCallFailure.Classify(exception);
            CoordinatorLog.ContentReleaseFailed(logger, decision.Id, department, failure.Outcome, failure.Detail);
            await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.ContentRelease, AuditOutcome.Failed)
            {
                DecisionId = decision.Id.Value,
                Department = department,
                Reason = $"release {releaseId}; {failure.ReasonCode}",
            });
            throw new RequestRefusedException(
                ToStatus(failure.Outcome),
                CoordinatorErrorCodes.ReasonReleaseFailed,
                $"Department {department} did not release content ({failure.Outcome}): {failure.Detail}",
                (CoordinatorErrorCodes.DepartmentTrailer, department),
                (CoordinatorErrorCodes.DecisionIdTrailer, decision.Id.Value));
        }

        var release = await store.RecordContentReleaseAsync(
            new NewContentRelease(decision.Id, department, ToRecords(reply, decision), releaseId),
            CancellationToken.None);

        CoordinatorLog.ContentReleased(logger, release.Id, decision.Id, department, release.SubjectCount, release.Records.Count);
        await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.ContentRelease, AuditOutcome.Succeeded)
        {
            DecisionId = decision.Id.Value,
            Department = department,
            Fields = release.Records.SelectMany(record => record.Fields.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            Reason = $"recorded release {release.Id}; {release.SubjectCount} subjects; {release.Records.Count} records",
        });
        return release;
    }

    private CallOptions DeadlineOptions(CancellationToken cancellationToken) =>
        new(deadline: timeProvider.GetUtcNow().UtcDateTime + options.Value.Queries.ContentReleaseDeadline, cancellationToken: cancellationToken);

    private static Proto.ContentReleaseRequest ToRequest(ContentReleaseId releaseId, Decision decision, GsoHitService.Decisions.PrivacyCheck2Decision model)
    {
        var signed = new Proto.SignedDecision { Payload = ByteString.CopyFrom(decision.Payload) };
        signed.Signatures.AddRange(decision.Signatures.Select(signature => new Proto.DecisionSignature
        {
            MemberId = signature.MemberId,
            Signature = ByteString.CopyFrom(signature.Signature),
        }));

        var request = new Proto.ContentReleaseRequest
        {
            ReleaseId = releaseId.Value,
            Context = new Proto.MatchContext
            {
                TokenSchemeVersion = (uint)model.TokenContext.TokenSchemeVersion,
                NormaliserProfile = model.TokenContext.NormaliserProfile,
                KeyEpoch = model.TokenContext.KeyEpoch,
            },
            Decision = signed,
        };

        // The agent releases exactly what the decision approves, so the request repeats the
        // decision's subjects, tokens and fields; the agent checks that they are equal.
        request.Subjects.AddRange(model.Subjects.Select(ToRequestedSubject));
        request.Fields.AddRange(model.Fields);
        return request;
    }

    private static Proto.RequestedSubject ToRequestedSubject(GsoHitService.Decisions.ReleaseSubject subject)
    {
        var requested = new Proto.RequestedSubject { SubjectRef = subject.SubjectRef };
        foreach (var group in subject.Tokens.GroupBy(token => token.Type))
        {
            var tokens = new byte[group.Count() * MatchToken.Length];
            var position = 0;
            foreach (var token in group)
            {
                token.Token.CopyTo(tokens.AsSpan(position, MatchToken.Length));
                position += MatchToken.Length;
            }

            requested.Tokens.Add(new Proto.ProbeGroup { IdentifierType = (Proto.IdentifierType)(int)group.Key, Tokens = UnsafeByteOperations.UnsafeWrap(tokens) });
        }

        return requested;
    }

    /// <summary>
    /// Maps the reply to records. A subject reference that the decision does not name means the
    /// reply cannot be trusted, so nothing of it is recorded.
    /// </summary>
    private static List<ReleasedRecord> ToRecords(Proto.ContentReleaseReply reply, Decision decision)
    {
        var named = decision.Scopes[0].SubjectIds.ToDictionary(id => id.Value, StringComparer.Ordinal);
        var records = new List<ReleasedRecord>();
        foreach (var subject in reply.Subjects)
        {
            if (!named.TryGetValue(subject.SubjectRef, out var subjectId))
            {
                throw RequestRefusedException.FailedPrecondition(
                    CoordinatorErrorCodes.ReasonReleaseFailed,
                    $"The agent released records for a subject reference that decision {decision.Id} does not name; nothing was recorded.",
                    (CoordinatorErrorCodes.DecisionIdTrailer, decision.Id.Value));
            }

            records.AddRange(subject.Records.Select(record =>
                new ReleasedRecord(subjectId, record.Source, new Dictionary<string, string>(record.Fields, StringComparer.Ordinal))));
        }

        return records;
    }

    private static StatusCode ToStatus(DepartmentOutcome outcome) => outcome switch
    {
        DepartmentOutcome.Refused => StatusCode.PermissionDenied,
        DepartmentOutcome.VersionMismatch => StatusCode.FailedPrecondition,
        DepartmentOutcome.DeadlineExceeded => StatusCode.DeadlineExceeded,
        DepartmentOutcome.Cancelled => StatusCode.Cancelled,
        _ => StatusCode.Unavailable,
    };
}
