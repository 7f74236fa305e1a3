using GsoHitService.Decisions.Internal;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Decisions;

/// <summary>
/// Verifies, in an agent, the signed decision that a request carries: format, kind, signatures
/// against the roster, threshold policy, validity period, that this department is named, that
/// the request covers exactly what was approved, and that the decision was not used here before.
/// A decision that passes is recorded as used before the result returns, and its flush to disk is
/// <see cref="DecisionVerificationResult.UseOnDisk"/>, which the caller awaits before it replies.
/// </summary>
/// <remarks>
/// A bad decision never throws: it gives a result with a stable reason code, which is also logged.
/// Thread-safe.
/// </remarks>
public sealed class DecisionVerifier(CoreTeamRoster roster, DecisionUseRecord useRecord, TimeProvider timeProvider, ILogger<DecisionVerifier> logger)
{
    /// <summary>Verifies the privacy check 1 decision of a hit query.</summary>
    /// <param name="decision">The signed decision from the request.</param>
    /// <param name="department">This agent's department code.</param>
    /// <param name="scope">The request's match context and probes.</param>
    /// <exception cref="IOException">The use could not be written, so the agent must not reply.</exception>
    public DecisionVerificationResult VerifyHitQuery(SignedDecision decision, string department, HitQueryScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Verify(decision, DecisionKind.PrivacyCheck1, department, decoded => CheckScope((PrivacyCheck1Decision)decoded, department, scope));
    }

    /// <summary>Verifies the privacy check 2 decision of a content release.</summary>
    /// <param name="decision">The signed decision from the request.</param>
    /// <param name="department">This agent's department code.</param>
    /// <param name="scope">The subjects and fields that the release requests.</param>
    /// <exception cref="IOException">The use could not be written, so the agent must not reply.</exception>
    public DecisionVerificationResult VerifyContentRelease(SignedDecision decision, string department, ContentReleaseScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Verify(decision, DecisionKind.PrivacyCheck2, department, decoded => CheckScope((PrivacyCheck2Decision)decoded, scope));
    }

    private DecisionVerificationResult Verify(SignedDecision signed, DecisionKind expectedKind, string department, Func<Decision, string?> checkScope)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentException.ThrowIfNullOrEmpty(department);

        Decision decision;
        try
        {
            decision = DecisionEncoding.Decode(signed.Payload.Span);
        }
        catch (DecisionFormatException exception)
        {
            return Reject(expectedKind, null, department, DecisionVerificationStatus.Malformed, [], exception.Message);
        }

        if (decision.Kind != expectedKind)
        {
            return Reject(expectedKind, decision, department, DecisionVerificationStatus.WrongKind, [], $"The request needs a {expectedKind} decision but carries a {decision.Kind} decision.");
        }

        var signatures = roster.CheckSignatures(signed, expectedKind);
        var signerIds = signatures.Signatures.Where(outcome => outcome.State == SignatureState.Valid).Select(outcome => outcome.MemberId).ToArray();
        if (!signatures.IsValid)
        {
            return Reject(expectedKind, decision, department, signatures.Status, signerIds, DescribeSignatureProblem(signatures));
        }

        var now = timeProvider.GetUtcNow();
        if (now + roster.ClockSkewTolerance < decision.Validity.From)
        {
            return Reject(expectedKind, decision, department, DecisionVerificationStatus.NotYetValid, signerIds, $"The decision is valid from {decision.Validity.From:O}; it is now {now:O}.");
        }

        if (now >= decision.Validity.Until)
        {
            return Reject(expectedKind, decision, department, DecisionVerificationStatus.Expired, signerIds, $"The decision expired at {decision.Validity.Until:O}; it is now {now:O}.");
        }

        if (!decision.NamesDepartment(department))
        {
            return Reject(expectedKind, decision, department, DecisionVerificationStatus.DepartmentNotNamed, signerIds, $"The decision does not name department {department}.");
        }

        var scopeProblem = checkScope(decision);
        if (scopeProblem is not null)
        {
            return Reject(expectedKind, decision, department, DecisionVerificationStatus.ScopeMismatch, signerIds, scopeProblem);
        }

        if (!useRecord.TryRecordUse(decision.DecisionId, decision.Validity.Until, out var useOnDisk))
        {
            Log.DecisionReplayed(logger, expectedKind, decision.DecisionId, department);
            return new DecisionVerificationResult(DecisionVerificationStatus.Replayed, decision.DecisionId, decision, signerIds, "The decision was used at this department before.");
        }

        Log.DecisionAccepted(logger, expectedKind, decision.DecisionId, department, string.Join(", ", signerIds));
        return new DecisionVerificationResult(DecisionVerificationStatus.Valid, decision.DecisionId, decision, signerIds, "The decision is valid.")
        {
            UseOnDisk = useOnDisk,
        };
    }

    private DecisionVerificationResult Reject(
        DecisionKind kind,
        Decision? decision,
        string department,
        DecisionVerificationStatus status,
        IReadOnlyList<string> signerIds,
        string detail)
    {
        var decisionId = decision?.DecisionId;
        Log.DecisionRejected(logger, kind, decisionId ?? "(undecodable)", department, status, detail);
        return new DecisionVerificationResult(status, decisionId, decision, signerIds, detail);
    }

    private static string DescribeSignatureProblem(SignatureCheckResult result)
    {
        var offending = result.Signatures.FirstOrDefault(outcome => outcome.State != SignatureState.Valid);
        return result.Status switch
        {
            DecisionVerificationStatus.DuplicateSigner => $"Member {offending?.MemberId} signed more than once.",
            DecisionVerificationStatus.UnknownSigner => $"Member {offending?.MemberId} is not in the roster.",
            DecisionVerificationStatus.InvalidSignature => $"The signature of member {offending?.MemberId} does not verify.",
            _ => $"{result.ValidSignerCount} valid signatures of the {result.Policy.MinimumSigners} needed"
                + (result.MissingRoles.Count > 0 ? $"; no signature of the required roles {string.Join(", ", result.MissingRoles)}." : "."),
        };
    }

    private static string? CheckScope(PrivacyCheck1Decision decision, string department, HitQueryScope scope)
    {
        if (scope.TokenContext != decision.TokenContext)
        {
            return DescribeContextMismatch(decision.TokenContext, scope.TokenContext);
        }

        var unapproved = scope.IdentifierTypes.Except(decision.IdentifierTypes).ToArray();
        if (unapproved.Length > 0)
        {
            return $"The request has probes of identifier types that the decision does not approve: {string.Join(", ", unapproved)}.";
        }

        var approved = decision.FindDepartment(department)!.Subjects;
        if (!approved.Equals(scope.Probes))
        {
            return $"The request's probe set ({scope.Probes.TokenCount} tokens, digest {scope.Probes.ToShortString()}) differs from the approved set ({approved.TokenCount} tokens, digest {approved.ToShortString()}).";
        }

        return null;
    }

    private static string? CheckScope(PrivacyCheck2Decision decision, ContentReleaseScope scope)
    {
        if (scope.TokenContext != decision.TokenContext)
        {
            return DescribeContextMismatch(decision.TokenContext, scope.TokenContext);
        }

        if (!scope.Fields.ToHashSet(StringComparer.Ordinal).SetEquals(decision.Fields))
        {
            return $"The request names {scope.Fields.Count} fields that differ from the {decision.Fields.Count} approved fields.";
        }

        var approved = decision.Subjects.ToDictionary(subject => subject.SubjectRef, StringComparer.Ordinal);
        var requested = scope.Subjects.GroupBy(subject => subject.SubjectRef, StringComparer.Ordinal).ToArray();
        if (requested.Length != scope.Subjects.Count || requested.Length != approved.Count)
        {
            return $"The request names {scope.Subjects.Count} subjects; the decision approves {approved.Count}.";
        }

        foreach (var group in requested)
        {
            if (!approved.TryGetValue(group.Key, out var approvedSubject))
            {
                return $"The request names subject {group.Key}, which the decision does not approve.";
            }

            if (!group.Single().Tokens.ToHashSet().SetEquals(approvedSubject.Tokens))
            {
                return $"The tokens of subject {group.Key} differ from the approved tokens.";
            }
        }

        return null;
    }

    private static string DescribeContextMismatch(TokenContext approved, TokenContext requested) =>
        $"The request's match context (scheme {requested.TokenSchemeVersion}, profile {requested.NormaliserProfile}, epoch {requested.KeyEpoch}) "
        + $"differs from the decision's (scheme {approved.TokenSchemeVersion}, profile {approved.NormaliserProfile}, epoch {approved.KeyEpoch}).";
}
