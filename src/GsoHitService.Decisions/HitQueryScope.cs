using GsoHitService.Decisions.Internal;
using GsoHitService.Matching;

namespace GsoHitService.Decisions;

/// <summary>
/// What a hit query requests from a department: the match context of its tokens and the digest and
/// identifier types of its probes. A privacy check 1 decision must approve exactly this.
/// </summary>
/// <param name="TokenContext">Token scheme, normaliser profile and key epoch of the request.</param>
/// <param name="Probes">Digest of the distinct probes of the request.</param>
/// <param name="IdentifierTypes">Identifier types that occur in the probes.</param>
public sealed record HitQueryScope(TokenContext TokenContext, SubjectSetDigest Probes, IReadOnlyCollection<IdentifierType> IdentifierTypes)
{
    /// <summary>Computes the scope from the probes of a request (any order, duplicates allowed).</summary>
    public static HitQueryScope FromProbes(TokenContext tokenContext, IEnumerable<SubjectToken> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);

        var keys = TokenSortKey.SortDistinct(probes);
        var types = keys.Select(key => key.Type).Distinct().ToArray();
        return new HitQueryScope(tokenContext, SubjectSetDigest.Compute(keys), types);
    }
}
