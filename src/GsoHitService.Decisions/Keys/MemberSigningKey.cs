using System.Security.Cryptography;
using GsoHitService.Decisions.Canonical;
using GsoHitService.Decisions.Internal;

namespace GsoHitService.Decisions.Keys;

/// <summary>
/// A kerngroep member's personal Ed25519 signing key. Opaque: no member exposes the private key,
/// <see cref="ToString"/> shows only the member, and <see cref="Dispose"/> clears the key bytes.
/// Store it with <see cref="MemberKeyFile"/>.
/// </summary>
public sealed class MemberSigningKey : IDisposable
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private MemberSigningKey(string memberId, string name, CoreTeamRole role, ReadOnlySpan<byte> privateKey)
    {
        MemberId = memberId;
        Name = name;
        Role = role;

        // Pinned, so the garbage collector leaves no copies behind that Dispose cannot clear.
        _privateKey = GC.AllocateArray<byte>(Ed25519Signatures.PrivateKeyLength, pinned: true);
        privateKey.CopyTo(_privateKey);
        _publicKey = Ed25519Signatures.DerivePublicKey(_privateKey);
    }

    /// <summary>Member id as the roster names it.</summary>
    public string MemberId { get; }

    /// <summary>The member's name, as shown to other members.</summary>
    public string Name { get; }

    /// <summary>The member's role in the kerngroep.</summary>
    public CoreTeamRole Role { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Short form of the public key for comparing by eye, for example <c>3f2a 9c1d …</c> (8 groups).</summary>
    public string PublicKeyFingerprint => KeyFingerprint.Compute(_publicKey);

    /// <summary>Creates a new random key for a member.</summary>
    /// <exception cref="ArgumentException">The id, name or role breaks a rule; the message names it.</exception>
    public static MemberSigningKey Generate(string memberId, string name, CoreTeamRole role)
    {
        Span<byte> privateKey = stackalloc byte[Ed25519Signatures.PrivateKeyLength];
        try
        {
            Ed25519Signatures.GeneratePrivateKey(privateKey);
            return FromPrivateKey(privateKey, memberId, name, role);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    internal static MemberSigningKey FromPrivateKey(ReadOnlySpan<byte> privateKey, string memberId, string name, CoreTeamRole role)
    {
        CheckMember(memberId, name, role);
        if (privateKey.Length != Ed25519Signatures.PrivateKeyLength)
        {
            throw new ArgumentException($"An Ed25519 private key is {Ed25519Signatures.PrivateKeyLength} bytes; got {privateKey.Length}.", nameof(privateKey));
        }

        return new MemberSigningKey(memberId, name, role, privateKey);
    }

    /// <summary>
    /// Signs a decision payload. The payload is decoded first, so a malformed payload is never
    /// signed, and the signature context follows from the payload's kind.
    /// </summary>
    /// <exception cref="DecisionFormatException">The payload is not a valid canonical decision.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public DecisionSignature Sign(ReadOnlySpan<byte> payload)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        var decision = DecisionReader.Read(payload);
        var message = SignatureMessage.Create(decision.Kind, payload);
        return new DecisionSignature(MemberId, Ed25519Signatures.Sign(_privateKey, message));
    }

    /// <summary>Returns the roster entry of this member, to be added to each agent's configuration.</summary>
    public CoreTeamMemberOptions ToRosterEntry() => new()
    {
        Id = MemberId,
        Name = Name,
        Role = Role,
        PublicKey = Convert.ToBase64String(_publicKey),
    };

    internal void CopyPrivateKeyTo(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _privateKey.CopyTo(destination);
    }

    /// <summary>Clears the private key bytes.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_privateKey);
        _disposed = true;
    }

    public override string ToString() => $"MemberSigningKey({MemberId}, {Role})";

    internal static void CheckMember(string memberId, string name, CoreTeamRole role)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        ArgumentNullException.ThrowIfNull(name);

        var idProblem = TextRules.CheckId(memberId);
        if (idProblem is not null)
        {
            throw new ArgumentException($"The member id {idProblem}.", nameof(memberId));
        }

        var nameProblem = TextRules.CheckName(name);
        if (nameProblem is not null)
        {
            throw new ArgumentException($"The member name {nameProblem}.", nameof(name));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown kerngroep role.");
        }
    }
}
