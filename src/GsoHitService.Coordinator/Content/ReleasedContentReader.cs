using GsoHitService.Audit;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Decisions;
using GsoHitService.Protocol;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Content;

/// <summary>
/// Records privacy check 3 entries and shows released content to one case-team member. Content is
/// shown only to the member whose client certificate carries that member id as its common name,
/// only from releases whose privacy check 2 decision names the member as a recipient, and only in
/// the fields that the member's latest privacy check 3 entry allows.
/// </summary>
internal sealed class ReleasedContentReader(
    ICoordinatorStore store,
    CoreTeamRoster roster,
    CoordinatorAudit audit,
    ILogger<ReleasedContentReader> logger)
{
    public async Task<PrivacyCheck3Entry> RecordPrivacyCheck3Async(Proto.RecordPrivacyCheck3Request request, CallerIdentity caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caseId = RequestIds.Case(request.CaseId);
        if (roster.FindMember(request.DecidedBy) is null)
        {
            throw RequestRefusedException.InvalidArgument(
                CoordinatorErrorCodes.ReasonInvalidRequest,
                "decided_by must be the id of a kerngroep member in the roster, because privacy check 3 is a kerngroep decision.",
                (CoordinatorErrorCodes.MemberIdTrailer, request.DecidedBy));
        }

        _ = await store.GetCaseAsync(caseId, cancellationToken)
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonCaseNotFound, $"Case {caseId} does not exist.");

        var entry = await store.RecordPrivacyCheck3Async(
            new NewPrivacyCheck3Entry(caseId, request.Member, request.Fields.ToArray(), request.DecidedBy, request.Reason),
            cancellationToken);

        await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.PrivacyCheck3Recorded, AuditOutcome.Succeeded)
        {
            Fields = entry.Fields,
            Reason = $"case {caseId}; member {entry.MemberId}; decided by {entry.DecidedBy}",
        });
        return entry;
    }

    public async Task<Proto.ReleasedContentView> ReadAsync(CaseId caseId, string member, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(member) || !string.Equals(member, caller.CommonName, StringComparison.Ordinal))
        {
            CoordinatorLog.ContentViewRefused(logger, caseId, CoordinatorErrorCodes.ReasonMemberMismatch);
            throw RequestRefusedException.PermissionDenied(
                CoordinatorErrorCodes.ReasonMemberMismatch,
                "Released content is shown only to the member named in the request, and the caller's certificate belongs to someone else.");
        }

        var @case = await store.GetCaseAsync(caseId, cancellationToken)
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonCaseNotFound, $"Case {caseId} does not exist.");

        var entries = await store.ListPrivacyCheck3Async(caseId, cancellationToken);
        var entry = entries.LastOrDefault(candidate => string.Equals(candidate.MemberId, member, StringComparison.Ordinal));
        if (entry is null)
        {
            CoordinatorLog.ContentViewRefused(logger, caseId, CoordinatorErrorCodes.ReasonNoPrivacyCheck3);
            throw RequestRefusedException.PermissionDenied(
                CoordinatorErrorCodes.ReasonNoPrivacyCheck3,
                $"Member {member} has no privacy check 3 entry for case {caseId}, so no released field may be shown.");
        }

        var allowed = entry.Fields.ToHashSet(StringComparer.Ordinal);
        var signal = await store.GetSignalAsync(@case.SignalId, cancellationToken)
            ?? throw new InvalidOperationException($"Signal {@case.SignalId} of case {caseId} is missing from the store.");
        var labels = signal.Subjects.ToDictionary(subject => subject.Id, subject => subject.Label);

        var view = new Proto.ReleasedContentView { CaseId = caseId.Value };
        var shownFields = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var release in await store.ListContentReleasesAsync(caseId, cancellationToken))
        {
            var decision = await store.GetDecisionAsync(release.DecisionId, cancellationToken);
            var isRecipient = decision is not null && decision.Recipients.Contains(member, StringComparer.Ordinal);

            foreach (var record in release.Records)
            {
                var item = new Proto.ReleasedContentItem
                {
                    ReleaseId = release.Id.Value,
                    Department = release.Department,
                    SubjectId = record.SubjectId.Value,
                    SubjectLabel = labels.GetValueOrDefault(record.SubjectId, ""),
                    Source = record.Source,
                };

                foreach (var (name, value) in record.Fields)
                {
                    if (isRecipient && allowed.Contains(name))
                    {
                        item.Fields[name] = value;
                        shownFields.Add(name);
                    }
                    else
                    {
                        view.WithheldFieldCount++;
                    }
                }

                if (item.Fields.Count > 0)
                {
                    view.Items.Add(item);
                }
            }
        }

        await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.ContentViewed, AuditOutcome.Succeeded)
        {
            Fields = shownFields.ToArray(),
            Reason = $"case {caseId}; member {member}; {view.Items.Count} records shown; {view.WithheldFieldCount} fields withheld",
        });
        return view;
    }
}
