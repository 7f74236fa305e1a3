using System.Runtime.CompilerServices;

namespace GsoHitService.Matching.Internal;

/// <summary>The eight 32-bit words of an intermediate SHA-256 hash value, held inline.</summary>
[InlineArray(8)]
internal struct Sha256State
{
    private uint _word;
}
