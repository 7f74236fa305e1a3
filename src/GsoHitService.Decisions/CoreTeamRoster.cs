using System.Collections.Frozen;
using GsoHitService.Decisions.Internal;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace GsoHitService.Decisions;

/// <summary>
/// A validated kerngroep roster with its threshold policies: checks the signatures on a decision.
/// Immutable and thread-safe.
/// </summary>
public sealed class CoreTeamRoster
{
    private readonly FrozenDictionary<string, CoreTeamMember> _members;
    private readonly FrozenDictionary<string, Ed25519.PublicPoint> _publicKeys;
    private readonly ThresholdPolicy _privacyCheck1;
    private readonly ThresholdPolicy _privacyCheck2;

    private CoreTeamRoster(CoreTeamOptions options)
    {
        _members = options.Members
            .Select(member => new CoreTeamMember(member.Id!, member.Name!, member.Role!.Value, Convert.FromBase64String(member.PublicKey!)))
            .ToFrozenDictionary(member => member.Id, StringComparer.Ordinal);

        // The validator has checked every key, so each decodes.
        _publicKeys = _members.Values.ToFrozenDictionary(
            member => member.Id,
            member => Ed25519Signatures.DecodePublicKey(member.PublicKey) ?? throw new InvalidOperationException($"The public key of member {member.Id} is not valid."),
            StringComparer.Ordinal);
        _privacyCheck1 = ThresholdPolicy.Resolve(DecisionKind.PrivacyCheck1, options.PrivacyCheck1);
        _privacyCheck2 = ThresholdPolicy.Resolve(DecisionKind.PrivacyCheck2, options.PrivacyCheck2);
        ClockSkewTolerance = options.ClockSkewTolerance;
    }

    /// <summary>Members in the roster.</summary>
    public IReadOnlyCollection<CoreTeamMember> Members => _members.Values;

    /// <summary>Tolerance for a decision start that lies slightly in the future.</summary>
    public TimeSpan ClockSkewTolerance { get; }

    /// <summary>Validates options and builds the roster.</summary>
    /// <exception cref="OptionsValidationException">The options break a rule; the failures name each setting.</exception>
    public static CoreTeamRoster Create(CoreTeamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var result = new CoreTeamOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(CoreTeamOptions), result.Failures);
        }

        return new CoreTeamRoster(options);
    }

    /// <summary>Returns the threshold policy for a kind of decision.</summary>
    public ThresholdPolicy GetPolicy(DecisionKind kind) => kind switch
    {
        DecisionKind.PrivacyCheck1 => _privacyCheck1,
        DecisionKind.PrivacyCheck2 => _privacyCheck2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision kind."),
    };

    /// <summary>Finds a member by id (ordinal).</summary>
    public CoreTeamMember? FindMember(string memberId) => _members.GetValueOrDefault(memberId);

    /// <summary>
    /// Checks every signature on <paramref name="decision"/> against the roster, as a signature
    /// over a decision of <paramref name="kind"/>, and then the threshold policy of that kind.
    /// Does not decode the payload; callers check its format and kind first.
    /// </summary>
    public SignatureCheckResult CheckSignatures(SignedDecision decision, DecisionKind kind)
    {
        ArgumentNullException.ThrowIfNull(decision);

        var message = SignatureMessage.Create(kind, decision.Payload.Span);
        // A decision mapped from a request may carry no signature list at all; that is no signature.
        var signatures = decision.Signatures ?? [];
        var outcomes = new List<SignatureOutcome>(signatures.Count);
        var signers = new HashSet<string>(StringComparer.Ordinal);
        var validMembers = new List<CoreTeamMember>();
        DecisionVerificationStatus? firstProblem = null;

        foreach (var signature in signatures)
        {
            var memberId = signature?.MemberId ?? "";
            var member = FindMember(memberId);
            SignatureState state;
            if (!signers.Add(memberId))
            {
                state = SignatureState.Duplicate;
            }
            else if (member is null)
            {
                state = SignatureState.UnknownSigner;
            }
            else if (signature is null || !Ed25519Signatures.Verify(_publicKeys[member.Id], message, signature.Signature.Span))
            {
                state = SignatureState.InvalidSignature;
            }
            else
            {
                state = SignatureState.Valid;
                validMembers.Add(member);
            }

            firstProblem ??= state switch
            {
                SignatureState.Duplicate => DecisionVerificationStatus.DuplicateSigner,
                SignatureState.UnknownSigner => DecisionVerificationStatus.UnknownSigner,
                SignatureState.InvalidSignature => DecisionVerificationStatus.InvalidSignature,
                _ => null,
            };
            outcomes.Add(new SignatureOutcome(memberId, member, state));
        }

        var policy = GetPolicy(kind);
        var missingRoles = policy.RequiredRoles.Where(role => !validMembers.Any(member => member.Role == role)).ToArray();
        var thresholdMet = missingRoles.Length == 0 && validMembers.Count >= policy.MinimumSigners;
        var status = firstProblem ?? (thresholdMet ? DecisionVerificationStatus.Valid : DecisionVerificationStatus.ThresholdNotMet);

        return new SignatureCheckResult(status, outcomes, missingRoles, validMembers.Count, policy);
    }
}
