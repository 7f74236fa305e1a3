using GsoHitService.Decisions.Internal;

namespace GsoHitService.Decisions;

/// <summary>
/// A member of a validated roster.
/// </summary>
public sealed class CoreTeamMember
{
    private readonly byte[] _publicKey;

    internal CoreTeamMember(string id, string name, CoreTeamRole role, byte[] publicKey)
    {
        Id = id;
        Name = name;
        Role = role;
        _publicKey = publicKey;
    }

    /// <summary>Member id.</summary>
    public string Id { get; }

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>The member's role.</summary>
    public CoreTeamRole Role { get; }

    /// <summary>Short form of the public key for comparing by eye.</summary>
    public string PublicKeyFingerprint => KeyFingerprint.Compute(_publicKey);

    internal ReadOnlySpan<byte> PublicKey => _publicKey;

    public override string ToString() => $"{Id} ({Role})";
}
