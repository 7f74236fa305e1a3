using System.Runtime.CompilerServices;

namespace GsoHitService.Matching.Internal;

/// <summary>One 64-byte SHA-256 message block as 16 words, already decoded from big-endian bytes.</summary>
[InlineArray(16)]
internal struct Sha256Block
{
    private uint _word;
}
