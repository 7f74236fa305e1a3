using GsoHitService.Audit;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Decisions;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using Google.Protobuf;
using Decision = GsoHitService.Coordinator.Domain.Decision;
using DecisionKind = GsoHitService.Coordinator.Domain.DecisionKind;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Queries;

/// <summary>
/// Runs a hit query: checks that a recorded privacy check 1 decision covers it, records it as
/// started, asks the departments' agents in parallel and records every department's outcome.
/// The query is always completed, also when the fan-out fails unexpectedly, so it never stays in
/// progress while the coordinator runs.
/// </summary>
internal sealed class HitQueryRunner(
    ICoordinatorStore store,
    IAgentDirectory agents,
    AgentHitCaller caller,
    MatchTokenizer tokenizer,
    CoordinatorAudit audit,
    TimeProvider timeProvider,
    ILogger<HitQueryRunner> logger)
{
    public async Task<HitQueryRun> RunAsync(HitQueryCommand command, CallerIdentity callerIdentity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);

        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        PreparedQuery prepared;
        try
        {
            prepared = await PrepareAsync(command, cancellationToken);
        }
        catch (RequestRefusedException refused)
        {
            CoordinatorLog.HitQueryRefused(logger, command.SignalId, command.DecisionId, refused.Reason);
            await audit.RecordAfterTheFactAsync(new AuditEntry(callerIdentity.Actor, CoordinatorAudit.Actions.HitQuery, AuditOutcome.Refused)
            {
                DecisionId = command.DecisionId?.Value,
                Reason = refused.Reason,
            });
            throw;
        }

        // Only the audit entry must be on disk before an agent receives the query, so the store
        // writes the start while the agents work. It runs on its own thread, because SQLite commits
        // synchronously, and without the caller's token, because a query sent to an agent must be
        // recorded.
        var queryId = HitQueryId.New();
        var newQuery = new NewHitQuery(command.SignalId, prepared.Decision.Id, prepared.Departments, command.RepeatOf, queryId);
        var started = Task.Run(() => store.StartHitQueryAsync(newQuery, CancellationToken.None), CancellationToken.None);
        await AuditStartAsync(queryId, started, command, prepared, callerIdentity, cancellationToken);

        var asking = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = await AskDepartmentsAsync(queryId, prepared, cancellationToken);
        var recording = System.Diagnostics.Stopwatch.GetTimestamp();

        // The audit entries and the store's record are written at the same time: both describe
        // answers that are in. Not the caller's token: the agents have been asked, so their
        // answers are recorded even when the caller has gone.
        var audited = Task.Run(() => audit.RecordAllAfterTheFactAsync([.. results.Select(result =>
            new AuditEntry(callerIdentity.Actor, CoordinatorAudit.Actions.HitQueryDepartment, ToAuditOutcome(result.Outcome.Outcome))
            {
                DecisionId = prepared.Decision.Id.Value,
                Department = result.Outcome.Department,
                Counts = result.Counts,
                Reason = $"query {queryId}" + (result.ReasonCode is { } code ? $"; {code}" : ""),
            })]));
        HitQuery completed;
        try
        {
            await started;
            completed = await store.CompleteHitQueryAsync(
                queryId,
                ToCompletion(results),
                CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The departments were asked, so their entries reach the audit log before the failure
            // is reported. The caller gets an error, never an empty result.
            CoordinatorLog.HitQueryNotStored(logger, queryId, exception);
            await audited.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        await audited;

        CoordinatorLog.HitQueryTimed(
            logger,
            queryId,
            prepared.Probes.Sum(probes => probes.TokenCount),
            System.Diagnostics.Stopwatch.GetElapsedTime(startedAt, asking).TotalMilliseconds,
            System.Diagnostics.Stopwatch.GetElapsedTime(asking, recording).TotalMilliseconds,
            System.Diagnostics.Stopwatch.GetElapsedTime(recording).TotalMilliseconds);
        return new HitQueryRun(completed, prepared.Plan, prepared.Subjects);
    }

    /// <summary>
    /// Writes the query's audit entry and waits until it is on disk, while the store records the
    /// start. When the audit log cannot be written, or the store has rejected the start by then, no
    /// agent is asked. A recorded start is then completed with every department not answered, and
    /// the failure propagates.
    /// </summary>
    private async Task AuditStartAsync(
        HitQueryId queryId, Task<HitQuery> started, HitQueryCommand command, PreparedQuery prepared, CallerIdentity callerIdentity, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(callerIdentity.Actor, CoordinatorAudit.Actions.HitQuery, AuditOutcome.Succeeded)
        {
            DecisionId = prepared.Decision.Id.Value,
            Reason = $"query {queryId}; signal {command.SignalId}; departments {string.Join(", ", prepared.Departments)}" +
                (command.RepeatOf is { } repeatOf ? $"; repeats query {repeatOf}" : ""),
            Counts = AuditCounts.Refused(prepared.Probes.Sum(probes => probes.TokenCount)),
        };

        try
        {
            // The audit log's write and flush are synchronous, so they run on their own thread.
            await Task.Run(() => audit.RecordAsync(entry, cancellationToken), cancellationToken);
        }
        catch (Exception exception)
        {
            var cancelled = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
            if (!cancelled)
            {
                CoordinatorLog.HitQueryNotAudited(logger, queryId, exception);
            }

            await CloseUnaskedAsync(queryId, started, prepared, cancelled);
            throw;
        }

        if (started.IsFaulted || started.IsCanceled)
        {
            // The store rejected the start before any agent was asked, for example because the
            // signal no longer exists.
            await started;
        }
    }

    /// <summary>Completes a query that no agent was asked about, once its start is recorded.</summary>
    private async Task CloseUnaskedAsync(HitQueryId queryId, Task<HitQuery> started, PreparedQuery prepared, bool cancelled)
    {
        try
        {
            await started;
        }
        catch (Exception exception)
        {
            // Nothing to complete, because the start was not recorded. The caller reports the
            // failure that stopped the query.
            CoordinatorLog.HitQueryNotStored(logger, queryId, exception);
            return;
        }

        var failure = cancelled
            ? new AgentCallFailure(DepartmentOutcome.Cancelled, DepartmentOutcomeReasons.Cancelled, "The query was cancelled before any agent was asked.")
            : new AgentCallFailure(DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.CoordinatorError, "The coordinator's audit log could not be written.");
        var results = prepared.Probes.Select(probes => DepartmentQueryResult.Failed(probes, failure)).ToArray();
        await store.CompleteHitQueryAsync(queryId, ToCompletion(results), CancellationToken.None);
    }

    /// <summary>
    /// Asks every department in parallel. Each call turns its own failures into an outcome; this
    /// wrapper covers the rest (a defect in the fan-out itself), so that every department still
    /// gets an outcome other than answered and the query is completed.
    /// </summary>
    private async Task<DepartmentQueryResult[]> AskDepartmentsAsync(HitQueryId queryId, PreparedQuery prepared, CancellationToken cancellationToken)
    {
        try
        {
            var header = new Proto.HitQueryHeader
            {
                QueryId = queryId.Value,
                Context = new Proto.MatchContext
                {
                    TokenSchemeVersion = (uint)prepared.Model.TokenContext.TokenSchemeVersion,
                    NormaliserProfile = prepared.Model.TokenContext.NormaliserProfile,
                    KeyEpoch = prepared.Model.TokenContext.KeyEpoch,
                },
                Decision = ToProto(prepared.Decision),
            };

            return await Task.WhenAll(prepared.Probes.Select(probes => AskDepartmentAsync(probes, header, cancellationToken)));
        }
        catch (Exception exception)
        {
            CoordinatorLog.FanOutFailed(logger, queryId, exception);
            var failure = cancellationToken.IsCancellationRequested
                ? new AgentCallFailure(DepartmentOutcome.Cancelled, DepartmentOutcomeReasons.Cancelled, "The query was cancelled.")
                : new AgentCallFailure(DepartmentOutcome.Unavailable, DepartmentOutcomeReasons.CoordinatorError, exception.GetType().Name);
            return prepared.Probes.Select(probes => DepartmentQueryResult.Failed(probes, failure)).ToArray();
        }
    }

    private Task<DepartmentQueryResult> AskDepartmentAsync(DepartmentProbeSet probes, Proto.HitQueryHeader header, CancellationToken cancellationToken)
    {
        var agent = agents.Find(probes.Department);
        if (agent is null)
        {
            var failure = new AgentCallFailure(
                DepartmentOutcome.Unavailable,
                DepartmentOutcomeReasons.AgentNotConfigured,
                $"Coordinator:Agents has no agent for department {probes.Department}.");
            CoordinatorLog.DepartmentNotAnswered(logger, header.QueryId, probes.Department, failure.Outcome, failure.ReasonCode, failure.Detail);
            return Task.FromResult(DepartmentQueryResult.Failed(probes, failure));
        }

        return caller.AskAsync(agent, probes, header, cancellationToken);
    }

    private async Task<PreparedQuery> PrepareAsync(HitQueryCommand command, CancellationToken cancellationToken)
    {
        var earlier = await LoadEarlierQueryAsync(command, cancellationToken);
        var decisionId = command.DecisionId ?? earlier?.DecisionId;

        // The three reads are independent, so they run at the same time. The plan and the subjects
        // are used only once the decision has passed its checks.
        var decisionRead = LoadDecisionAsync(decisionId, cancellationToken);
        var planRead = decisionId is { } id ? store.GetQueryPlanAsync(id, cancellationToken) : Task.FromResult<byte[]?>(null);
        var subjectsRead = store.GetSubjectIdsAsync(command.SignalId, cancellationToken);
        await Task.WhenAll(decisionRead, planRead, subjectsRead).ContinueWith(_ => { }, TaskScheduler.Default);
        var decision = await decisionRead;

        if (decision.SignalId != command.SignalId)
        {
            throw RequestRefusedException.PermissionDenied(
                CoordinatorErrorCodes.ReasonSubjectNotInDecision,
                $"Decision {decision.Id} covers the subjects of signal {decision.SignalId}, not those of signal {command.SignalId}.",
                (CoordinatorErrorCodes.DecisionIdTrailer, decision.Id.Value));
        }

        DecisionRules.RequireValidNow(decision, timeProvider.GetUtcNow());
        var departments = SelectDepartments(command, earlier, decision);
        var model = DecisionRules.DecodePrivacyCheck1(decision);
        DecisionRules.RequireCurrentTokenContext(decision.Id, model.TokenContext, tokenizer);

        var plan = ReadPlan(decision, await planRead);
        var subjects = await subjectsRead
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonSignalNotFound, $"Signal {command.SignalId} does not exist.");
        var probes = plan.CreateProbeSets(departments, subjects);
        foreach (var probeSet in probes)
        {
            // The agent makes the same check; refusing here gives a clear reason instead of a
            // department that refuses.
            if (!probeSet.ComputeDigest().Equals(model.FindDepartment(probeSet.Department)?.Subjects))
            {
                CoordinatorLog.DigestMismatch(logger, decision.Id, probeSet.Department);
                throw RequestRefusedException.FailedPrecondition(
                    CoordinatorErrorCodes.ReasonDecisionContextChanged,
                    $"The tokens of department {probeSet.Department} differ from those that decision {decision.Id} approved; prepare and sign a new privacy check 1 decision.",
                    (CoordinatorErrorCodes.DepartmentTrailer, probeSet.Department));
            }
        }

        return new PreparedQuery(plan, subjects, decision, model, departments, probes);
    }

    private async Task<HitQuery?> LoadEarlierQueryAsync(HitQueryCommand command, CancellationToken cancellationToken)
    {
        if (command.RepeatOf is not { } repeatOf)
        {
            return null;
        }

        var earlier = await store.GetHitQueryAsync(repeatOf, cancellationToken)
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonQueryNotFound, $"Hit query {repeatOf} to repeat does not exist.");

        if (earlier.SignalId != command.SignalId)
        {
            throw RequestRefusedException.FailedPrecondition(
                CoordinatorErrorCodes.ReasonInvalidState,
                $"Hit query {repeatOf} belongs to signal {earlier.SignalId}, so a query of signal {command.SignalId} cannot repeat it.");
        }

        return earlier;
    }

    private async Task<Decision> LoadDecisionAsync(DecisionId? decisionId, CancellationToken cancellationToken)
    {
        if (decisionId is not { } id)
        {
            throw RequestRefusedException.FailedPrecondition(
                CoordinatorErrorCodes.ReasonNoPrivacyCheck1,
                "A hit query needs a recorded privacy check 1 decision, and the request names none.");
        }

        var decision = await store.GetDecisionWithoutSubjectsAsync(id, cancellationToken);
        if (decision is null || decision.Kind != DecisionKind.PrivacyCheck1)
        {
            throw RequestRefusedException.FailedPrecondition(
                CoordinatorErrorCodes.ReasonNoPrivacyCheck1,
                decision is null
                    ? $"Decision {id} is not recorded; submit the signed privacy check 1 decision first."
                    : $"Decision {id} is a privacy check 2 decision; a hit query needs a privacy check 1 decision.",
                (CoordinatorErrorCodes.DecisionIdTrailer, id.Value));
        }

        return decision;
    }

    /// <summary>
    /// Picks the departments: those requested, each of which the decision must name; else, when
    /// repeating, those of the earlier query that did not answer; else every department of the
    /// decision.
    /// </summary>
    /// <summary>Reads the query plan that was made when the decision was prepared, and clears its bytes.</summary>
    /// <exception cref="InvalidOperationException">The decision has no plan; the store was changed outside the coordinator.</exception>
    private static PreparedQueryPlan ReadPlan(Decision decision, byte[]? bytes)
    {
        if (bytes is null)
        {
            throw new InvalidOperationException($"Privacy check 1 decision {decision.Id} has no query plan in the store.");
        }

        try
        {
            return PreparedQueryPlan.Deserialize(bytes);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static IReadOnlyList<string> SelectDepartments(HitQueryCommand command, HitQuery? earlier, Decision decision)
    {
        IReadOnlyList<string> departments;
        if (command.Departments.Count > 0)
        {
            departments = command.Departments;
        }
        else if (earlier is not null)
        {
            var answered = earlier.State == HitQueryState.Completed
                ? earlier.Departments.Where(outcome => outcome.Outcome == DepartmentOutcome.Answered).Select(outcome => outcome.Department).ToHashSet(StringComparer.Ordinal)
                : [];
            departments = earlier.RequestedDepartments.Where(department => !answered.Contains(department)).ToArray();
            if (departments.Count == 0)
            {
                throw RequestRefusedException.FailedPrecondition(
                    CoordinatorErrorCodes.ReasonNothingToRepeat,
                    $"Every department of hit query {earlier.Id} answered, so there is nothing to repeat.");
            }
        }
        else
        {
            departments = decision.Departments.ToArray();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            if (!seen.Add(department))
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonInvalidRequest,
                    $"Department {department} is listed more than once.",
                    (CoordinatorErrorCodes.DepartmentTrailer, department));
            }

            if (!decision.Departments.Contains(department, StringComparer.Ordinal))
            {
                throw RequestRefusedException.PermissionDenied(
                    CoordinatorErrorCodes.ReasonDepartmentNotInDecision,
                    $"Decision {decision.Id} does not name department {department}, so it may not be asked.",
                    (CoordinatorErrorCodes.DepartmentTrailer, department),
                    (CoordinatorErrorCodes.DecisionIdTrailer, decision.Id.Value));
            }
        }

        return departments;
    }

    private static Proto.SignedDecision ToProto(Decision decision)
    {
        var signed = new Proto.SignedDecision { Payload = ByteString.CopyFrom(decision.Payload) };
        signed.Signatures.AddRange(decision.Signatures.Select(signature => new Proto.DecisionSignature
        {
            MemberId = signature.MemberId,
            Signature = ByteString.CopyFrom(signature.Signature),
        }));
        return signed;
    }

    private static HitQueryCompletion ToCompletion(IReadOnlyList<DepartmentQueryResult> results) =>
        new([.. results.Select(result => result.Outcome)], [.. results.SelectMany(result => result.Answers)]);

    private static AuditOutcome ToAuditOutcome(DepartmentOutcome outcome) => outcome switch
    {
        DepartmentOutcome.Answered => AuditOutcome.Succeeded,
        DepartmentOutcome.Refused or DepartmentOutcome.VersionMismatch => AuditOutcome.Refused,
        _ => AuditOutcome.Failed,
    };

    private sealed record PreparedQuery(
        PreparedQueryPlan Plan,
        IReadOnlyList<SubjectId> Subjects,
        Decision Decision,
        PrivacyCheck1Decision Model,
        IReadOnlyList<string> Departments,
        IReadOnlyList<DepartmentProbeSet> Probes);
}
