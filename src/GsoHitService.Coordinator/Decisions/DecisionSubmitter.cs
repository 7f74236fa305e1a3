using GsoHitService.Audit;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Decisions;
using GsoHitService.Protocol;
using Decision = GsoHitService.Coordinator.Domain.Decision;
using DecisionKind = GsoHitService.Coordinator.Domain.DecisionKind;
using DecisionSignature = GsoHitService.Coordinator.Domain.DecisionSignature;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Decisions;

/// <summary>
/// Records a signed decision after checking it the way agents will. The payload must decode and be
/// the one this coordinator prepared under that id. Every signature must verify against the
/// coordinator's own copy of the kerngroep roster, the threshold policy of its kind must be met,
/// and the decision must not have expired. Agents check all of this again themselves.
/// </summary>
internal sealed class DecisionSubmitter(
    ICoordinatorStore store,
    CoreTeamRoster roster,
    CoordinatorAudit audit,
    TimeProvider timeProvider,
    ILogger<DecisionSubmitter> logger)
{
    public async Task<Decision> SubmitAsync(Proto.SignedDecision? submitted, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (submitted is null || submitted.Payload.IsEmpty)
        {
            throw RequestRefusedException.InvalidArgument(CoordinatorErrorCodes.ReasonInvalidRequest, "The request carries no decision payload.");
        }

        var payload = submitted.Payload.ToByteArray();
        var model = Decode(payload);
        var id = RequestIds.Decision(model.DecisionId, "decision id in the payload");

        try
        {
            var prepared = await store.GetPreparedDecisionAsync(id, cancellationToken)
                ?? throw RequestRefusedException.FailedPrecondition(
                    CoordinatorErrorCodes.ReasonDecisionNotPrepared,
                    $"Decision {id} was not prepared by this coordinator; prepare it here, sign the prepared payload and submit that.",
                    (CoordinatorErrorCodes.DecisionIdTrailer, id.Value));

            if (!payload.AsSpan().SequenceEqual(prepared.Payload))
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonDecisionPayloadChanged,
                    $"The signed payload of decision {id} differs from the payload this coordinator prepared under that id.",
                    (CoordinatorErrorCodes.DecisionIdTrailer, id.Value));
            }

            var signatures = submitted.Signatures
                .Select(signature => new GsoHitService.Decisions.DecisionSignature(signature.MemberId, signature.Signature.Memory))
                .ToArray();
            RequireSignatures(id, new SignedDecision(payload, signatures), model.Kind);

            if (timeProvider.GetUtcNow() >= model.Validity.Until)
            {
                throw RequestRefusedException.FailedPrecondition(
                    CoordinatorErrorCodes.ReasonDecisionExpired,
                    $"Decision {id} expired at {model.Validity.Until:u} before it was submitted; prepare a new one.",
                    (CoordinatorErrorCodes.DecisionIdTrailer, id.Value));
            }

            var recorded = await store.RecordDecisionAsync(ToNewDecision(id, model, prepared, payload, signatures), cancellationToken);
            await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.DecisionRecorded, AuditOutcome.Succeeded)
            {
                DecisionId = recorded.Id.Value,
                Reason = $"{recorded.Kind} signed by {string.Join(", ", recorded.SignedBy)}",
            });
            return recorded;
        }
        catch (RequestRefusedException refused)
        {
            CoordinatorLog.DecisionRefused(logger, id, refused.Reason);
            await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.DecisionRecorded, AuditOutcome.Refused)
            {
                DecisionId = id.Value,
                Reason = refused.Reason,
            });
            throw;
        }
    }

    private static GsoHitService.Decisions.Decision Decode(byte[] payload)
    {
        try
        {
            return DecisionEncoding.Decode(payload);
        }
        catch (DecisionFormatException exception)
        {
            throw RequestRefusedException.InvalidArgument(
                CoordinatorErrorCodes.ReasonDecisionMalformed,
                $"The decision payload is not a valid canonical decision ({exception.Error}): {exception.Message}");
        }
    }

    private void RequireSignatures(DecisionId id, SignedDecision signed, GsoHitService.Decisions.DecisionKind kind)
    {
        var check = roster.CheckSignatures(signed, kind);
        if (check.IsValid)
        {
            return;
        }

        var bad = check.Signatures.FirstOrDefault(signature => signature.State != SignatureState.Valid);
        if (bad is not null)
        {
            throw RequestRefusedException.PermissionDenied(
                CoordinatorErrorCodes.ReasonDecisionSignatureInvalid,
                $"The signature of member {bad.MemberId} on decision {id} is not valid ({bad.State}); every signature must verify against the kerngroep roster.",
                (CoordinatorErrorCodes.DecisionIdTrailer, id.Value),
                (CoordinatorErrorCodes.MemberIdTrailer, bad.MemberId));
        }

        var missingRoles = check.MissingRoles.Count == 0 ? "none" : string.Join(", ", check.MissingRoles);
        throw RequestRefusedException.FailedPrecondition(
            CoordinatorErrorCodes.ReasonDecisionThresholdNotMet,
            $"Decision {id} has {check.ValidSignerCount} valid signatures; {check.Policy.MinimumSigners} are needed, and roles still missing: {missingRoles}.",
            (CoordinatorErrorCodes.DecisionIdTrailer, id.Value));
    }

    private static NewDecision ToNewDecision(
        DecisionId id,
        GsoHitService.Decisions.Decision model,
        PreparedDecision prepared,
        byte[] payload,
        IReadOnlyList<GsoHitService.Decisions.DecisionSignature> signatures)
    {
        var stored = signatures.Select(signature => new DecisionSignature(signature.MemberId, signature.Signature.ToArray())).ToArray();
        return model switch
        {
            PrivacyCheck1Decision check1 => new NewDecision(
                id, DecisionKind.PrivacyCheck1, prepared.SignalId, null, prepared.Scopes, check1.IdentifierTypes,
                [], [], model.Purpose, model.LegalBasis, model.Validity.From, model.Validity.Until, payload, stored),
            PrivacyCheck2Decision check2 => new NewDecision(
                id, DecisionKind.PrivacyCheck2, prepared.SignalId, prepared.CaseId, prepared.Scopes, [],
                check2.Fields, check2.Recipients, model.Purpose, model.LegalBasis, model.Validity.From, model.Validity.Until, payload, stored),
            _ => throw new InvalidOperationException($"Decision kind {model.Kind} is not known to the coordinator."),
        };
    }
}
