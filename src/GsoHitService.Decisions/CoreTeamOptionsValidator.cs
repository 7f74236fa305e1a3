using GsoHitService.Decisions.Internal;
using Microsoft.Extensions.Options;

namespace GsoHitService.Decisions;

/// <summary>
/// Checks a roster and its threshold policies at start-up, so that an agent with a roster that can
/// never verify a decision, or one in which one key counts twice, does not start.
/// </summary>
public sealed class CoreTeamOptionsValidator : IValidateOptions<CoreTeamOptions>
{
    /// <summary>Largest accepted <see cref="CoreTeamOptions.ClockSkewTolerance"/>.</summary>
    public static readonly TimeSpan MaxClockSkewTolerance = TimeSpan.FromMinutes(10);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CoreTeamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        ValidateMembers(options, failures);
        ValidatePolicy(DecisionKind.PrivacyCheck1, nameof(CoreTeamOptions.PrivacyCheck1), options, failures);
        ValidatePolicy(DecisionKind.PrivacyCheck2, nameof(CoreTeamOptions.PrivacyCheck2), options, failures);

        if (options.ClockSkewTolerance < TimeSpan.Zero || options.ClockSkewTolerance > MaxClockSkewTolerance)
        {
            failures.Add($"{CoreTeamOptions.SectionName}:{nameof(CoreTeamOptions.ClockSkewTolerance)} is {options.ClockSkewTolerance}; set it between 00:00:00 and {MaxClockSkewTolerance}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateMembers(CoreTeamOptions options, List<string> failures)
    {
        if (options.Members is not { Count: > 0 })
        {
            failures.Add($"{CoreTeamOptions.SectionName}:{nameof(CoreTeamOptions.Members)} is empty; add the kerngroep members' roster entries (from 'gso member export-public').");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Members.Count; i++)
        {
            var member = options.Members[i];
            var path = $"{CoreTeamOptions.SectionName}:{nameof(CoreTeamOptions.Members)}:{i}";

            var idProblem = member.Id is null ? "is missing" : TextRules.CheckId(member.Id);
            if (idProblem is not null)
            {
                failures.Add($"{path}:{nameof(CoreTeamMemberOptions.Id)} {idProblem}.");
            }
            else if (!ids.Add(member.Id!))
            {
                failures.Add($"{path}:{nameof(CoreTeamMemberOptions.Id)} '{member.Id}' appears more than once; member ids must be unique.");
            }

            var nameProblem = member.Name is null ? "is missing" : TextRules.CheckName(member.Name);
            if (nameProblem is not null)
            {
                failures.Add($"{path}:{nameof(CoreTeamMemberOptions.Name)} {nameProblem}.");
            }

            if (member.Role is not { } role || !Enum.IsDefined(role))
            {
                failures.Add($"{path}:{nameof(CoreTeamMemberOptions.Role)} is missing or unknown; use one of {string.Join(", ", Enum.GetNames<CoreTeamRole>())}.");
            }

            var keyProblem = CheckPublicKey(member.PublicKey);
            if (keyProblem is not null)
            {
                failures.Add($"{path}:{nameof(CoreTeamMemberOptions.PublicKey)} {keyProblem}");
            }
            else if (!keys.Add(member.PublicKey!))
            {
                failures.Add($"{path}:{nameof(CoreTeamMemberOptions.PublicKey)} is also the key of another member; one key may count only once.");
            }
        }
    }

    private static string? CheckPublicKey(string? publicKey)
    {
        if (string.IsNullOrWhiteSpace(publicKey))
        {
            return "is missing.";
        }

        var bytes = new byte[Ed25519Signatures.PublicKeyLength + 3];
        if (!Convert.TryFromBase64String(publicKey, bytes, out var length) || length != Ed25519Signatures.PublicKeyLength)
        {
            return $"is not the base64 form of a {Ed25519Signatures.PublicKeyLength}-byte Ed25519 public key; copy it from 'gso member export-public'.";
        }

        return Ed25519Signatures.IsValidPublicKey(bytes.AsSpan(0, length))
            ? null
            : "is not a valid Ed25519 public key (not a curve point of full order).";
    }

    private static void ValidatePolicy(DecisionKind kind, string key, CoreTeamOptions options, List<string> failures)
    {
        var thresholdOptions = kind == DecisionKind.PrivacyCheck1 ? options.PrivacyCheck1 : options.PrivacyCheck2;
        var policy = ThresholdPolicy.Resolve(kind, thresholdOptions);
        var path = $"{CoreTeamOptions.SectionName}:{key}";

        if (policy.RequiredRoles.Any(role => !Enum.IsDefined(role)))
        {
            failures.Add($"{path}:{nameof(DecisionThresholdOptions.RequiredRoles)} contains an unknown role; use {string.Join(", ", Enum.GetNames<CoreTeamRole>())}.");
            return;
        }

        if (policy.RequiredRoles.Distinct().Count() != policy.RequiredRoles.Count)
        {
            failures.Add($"{path}:{nameof(DecisionThresholdOptions.RequiredRoles)} names a role twice.");
        }

        if (policy.MinimumSigners < 1 || policy.MinimumSigners < policy.RequiredRoles.Distinct().Count())
        {
            failures.Add($"{path}:{nameof(DecisionThresholdOptions.MinimumSigners)} is {policy.MinimumSigners}; it must be at least 1 and at least the number of required roles ({policy.RequiredRoles.Distinct().Count()}).");
        }

        var members = options.Members ?? [];
        if (policy.MinimumSigners > members.Count)
        {
            failures.Add($"{path}:{nameof(DecisionThresholdOptions.MinimumSigners)} is {policy.MinimumSigners}, but the roster has only {members.Count} members; no decision could ever be accepted.");
        }

        foreach (var role in policy.RequiredRoles.Distinct())
        {
            if (!members.Any(member => member.Role == role))
            {
                failures.Add($"{path} requires a signature of the role {role}, but no member in the roster has that role.");
            }
        }
    }
}
