using System.Security.Cryptography;
using GsoHitService.Audit;
using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Coordinator.Store;
using GsoHitService.Decisions;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using Microsoft.Extensions.Options;
using DecisionKind = GsoHitService.Coordinator.Domain.DecisionKind;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Decisions;

/// <summary>
/// Builds unsigned decisions for the kerngroep to sign, with the Decisions library's canonical
/// encoding, and records each as prepared with the subjects its digests stand for. A privacy
/// check 1 decision names per department the digest of exactly the tokens the coordinator will
/// send that department.
/// </summary>
internal sealed class DecisionPreparer(
    ICoordinatorStore store,
    IAgentDirectory agents,
    MatchTokenizer tokenizer,
    CoordinatorAudit audit,
    IOptions<CoordinatorOptions> options,
    TimeProvider timeProvider)
{
    public async Task<PreparedDecision> PreparePrivacyCheck1Async(Proto.PreparePrivacyCheck1Request request, CallerIdentity caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var signalId = RequestIds.Signal(request.SignalId);
        var signal = await store.GetSignalAsync(signalId, cancellationToken)
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonSignalNotFound, $"Signal {signalId} does not exist.");

        if (request.Scopes.Count == 0)
        {
            throw RequestRefusedException.InvalidArgument(CoordinatorErrorCodes.ReasonInvalidRequest, "A privacy check 1 decision names at least one department in scopes.");
        }

        var scopes = request.Scopes.Select(scope => ToScope(scope.Department, scope.SubjectIds, signal, allSubjectsWhenEmpty: true)).ToArray();
        RequireDistinctDepartments(scopes);

        var types = ToIdentifierTypes(request.IdentifierTypes);
        if (types.Count == 0)
        {
            var inScope = scopes.SelectMany(scope => scope.SubjectIds).ToHashSet();
            types = signal.Subjects
                .Where(subject => inScope.Contains(subject.Id))
                .SelectMany(subject => subject.Identifiers.Select(identifier => identifier.Type))
                .Distinct()
                .Order()
                .ToArray();
        }

        var tokens = SubjectTokens.Compute(signal, types, tokenizer);
        var tokensByDepartment = new Dictionary<string, IReadOnlyCollection<SubjectToken>>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            var departmentTokens = tokens.ForSubjects(scope.SubjectIds);
            if (departmentTokens.Count == 0)
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonNoIdentifiersForDepartment,
                    $"The subjects of department {scope.Department} have no identifier of the allowed types, so there is nothing to ask it.",
                    (CoordinatorErrorCodes.DepartmentTrailer, scope.Department));
            }

            tokensByDepartment[scope.Department] = departmentTokens;
        }

        var id = DecisionId.New();
        var model = Build(() => PrivacyCheck1Decision.Create(
            id.Value,
            signalId.Value,
            ToValidity(request.ValidFrom, request.ValidUntil),
            request.Purpose,
            request.LegalBasis,
            DecisionRules.CurrentTokenContext(tokenizer),
            tokensByDepartment,
            types));

        var plan = PreparedQueryPlan.Create(tokens, scopes).Serialize();
        try
        {
            return await RecordAsync(new NewPreparedDecision(id, DecisionKind.PrivacyCheck1, signalId, null, scopes, Encode(model), plan), caller, cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plan);
        }
    }

    public async Task<PreparedDecision> PreparePrivacyCheck2Async(Proto.PreparePrivacyCheck2Request request, CallerIdentity caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caseId = RequestIds.Case(request.CaseId);
        var @case = await store.GetCaseAsync(caseId, cancellationToken)
            ?? throw RequestRefusedException.NotFound(CoordinatorErrorCodes.ReasonCaseNotFound, $"Case {caseId} does not exist.");
        var signal = await store.GetSignalAsync(@case.SignalId, cancellationToken)
            ?? throw new InvalidOperationException($"Signal {@case.SignalId} of case {caseId} is missing from the store.");

        if (request.SubjectIds.Count == 0)
        {
            throw RequestRefusedException.InvalidArgument(CoordinatorErrorCodes.ReasonInvalidRequest, "A privacy check 2 decision names at least one subject in subject_ids.");
        }

        var scope = ToScope(request.Department, request.SubjectIds, signal, allSubjectsWhenEmpty: false);

        // The department finds a subject's records by any of its identifiers, so every type counts.
        var tokens = SubjectTokens.Compute(signal, IdentifierTypes.All, tokenizer);
        var subjects = scope.SubjectIds
            .Select(subjectId => new ReleaseSubject(subjectId.Value, tokens.For(tokens.IndexOf(subjectId))))
            .ToArray();

        var id = DecisionId.New();
        var model = Build(() => new PrivacyCheck2Decision
        {
            DecisionId = id.Value,
            Validity = ToValidity(request.ValidFrom, request.ValidUntil),
            Purpose = request.Purpose,
            LegalBasis = request.LegalBasis,
            TokenContext = DecisionRules.CurrentTokenContext(tokenizer),
            CaseId = caseId.Value,
            Department = scope.Department,
            Subjects = subjects,
            Fields = request.Fields.ToArray(),
            Recipients = request.Recipients.ToArray(),
        });

        return await RecordAsync(new NewPreparedDecision(id, DecisionKind.PrivacyCheck2, signal.Id, caseId, [scope], Encode(model)), caller, cancellationToken);
    }

    private async Task<PreparedDecision> RecordAsync(NewPreparedDecision decision, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var prepared = await store.RecordPreparedDecisionAsync(decision, cancellationToken);
        await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.DecisionPrepared, AuditOutcome.Succeeded)
        {
            DecisionId = decision.Id.Value,
            Reason = $"{decision.Kind} for signal {decision.SignalId}; departments {string.Join(", ", decision.Scopes.Select(scope => scope.Department))}",
        });
        return prepared;
    }

    private DecisionScope ToScope(string department, IReadOnlyCollection<string> subjectIds, Signal signal, bool allSubjectsWhenEmpty)
    {
        if (agents.Find(department) is null)
        {
            throw RequestRefusedException.InvalidArgument(
                CoordinatorErrorCodes.ReasonUnknownDepartment,
                $"No agent is configured for department \"{department}\"; the departments are {string.Join(", ", agents.Agents.Select(agent => agent.Department))}.",
                (CoordinatorErrorCodes.DepartmentTrailer, department));
        }

        if (subjectIds.Count == 0 && allSubjectsWhenEmpty)
        {
            return new DecisionScope(department, signal.Subjects.Select(subject => subject.Id).ToArray());
        }

        var known = signal.Subjects.Select(subject => subject.Id).ToHashSet();
        var ids = new List<SubjectId>(subjectIds.Count);
        foreach (var value in subjectIds)
        {
            var subjectId = RequestIds.Subject(value);
            if (!known.Contains(subjectId))
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonSubjectNotInSignal,
                    $"Subject {subjectId} is not a subject of signal {signal.Id}.",
                    (CoordinatorErrorCodes.SubjectIdTrailer, subjectId.Value));
            }

            if (ids.Contains(subjectId))
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonInvalidRequest,
                    $"Subject {subjectId} is listed more than once for department {department}.",
                    (CoordinatorErrorCodes.SubjectIdTrailer, subjectId.Value));
            }

            ids.Add(subjectId);
        }

        return new DecisionScope(department, ids);
    }

    private static void RequireDistinctDepartments(IEnumerable<DecisionScope> scopes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            if (!seen.Add(scope.Department))
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonInvalidRequest,
                    $"Department {scope.Department} appears in more than one scope.",
                    (CoordinatorErrorCodes.DepartmentTrailer, scope.Department));
            }
        }
    }

    private static IReadOnlyCollection<IdentifierType> ToIdentifierTypes(IEnumerable<Proto.IdentifierType> wireTypes)
    {
        var types = new List<IdentifierType>();
        foreach (var wireType in wireTypes)
        {
            if (!IdentifierTypes.IsDefined((int)wireType, out var type))
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonInvalidRequest,
                    $"identifier_types contains {(int)wireType}, which is not a known identifier type.");
            }

            if (!types.Contains(type.Value))
            {
                types.Add(type.Value);
            }
        }

        return types;
    }

    private ValidityPeriod ToValidity(Google.Protobuf.WellKnownTypes.Timestamp? validFrom, Google.Protobuf.WellKnownTypes.Timestamp? validUntil)
    {
        var now = timeProvider.GetUtcNow();
        var from = validFrom?.ToDateTimeOffset() ?? now;
        var until = validUntil?.ToDateTimeOffset() ?? from + options.Value.Decisions.DefaultValidity;
        if (until <= now)
        {
            throw RequestRefusedException.InvalidArgument(
                CoordinatorErrorCodes.ReasonInvalidRequest,
                $"valid_until {until:u} has passed; a decision must end in the future.");
        }

        return Build(() => new ValidityPeriod(from, until));
    }

    /// <summary>Runs a Decisions library step whose <see cref="ArgumentException"/> names the broken rule, and refuses the request with it.</summary>
    private static T Build<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (ArgumentException exception)
        {
            throw RequestRefusedException.InvalidArgument(CoordinatorErrorCodes.ReasonInvalidRequest, exception.Message);
        }
    }

    private static byte[] Encode(GsoHitService.Decisions.Decision model) => Build(() => DecisionEncoding.Encode(model));
}
