namespace GsoHitService.Decisions.Internal;

/// <summary>
/// The message that a member's Ed25519 signature covers: a context label that names this product,
/// the purpose and the decision kind, a zero byte, then the canonical payload. The label keeps a
/// decision signature from being valid for anything else signed with the same key, and a privacy
/// check 1 signature from being valid as a privacy check 2 signature.
/// </summary>
internal static class SignatureMessage
{
    private static readonly byte[] PrivacyCheck1Context = "gso-hit-service/decision-signature/v1/privacy-check-1\0"u8.ToArray();
    private static readonly byte[] PrivacyCheck2Context = "gso-hit-service/decision-signature/v1/privacy-check-2\0"u8.ToArray();

    public static byte[] Create(DecisionKind kind, ReadOnlySpan<byte> payload)
    {
        var context = kind switch
        {
            DecisionKind.PrivacyCheck1 => PrivacyCheck1Context,
            DecisionKind.PrivacyCheck2 => PrivacyCheck2Context,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision kind."),
        };

        var message = new byte[context.Length + payload.Length];
        context.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(context.Length));
        return message;
    }
}
