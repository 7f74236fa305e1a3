using CsCheck;
using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>Generators and value tables shared by the identifier tests.</summary>
internal static class TestValues
{
    public static IReadOnlyList<IdentifierType> DigitTypes { get; } =
        [IdentifierType.Bsn, IdentifierType.Rsin, IdentifierType.KvkNumber, IdentifierType.BranchNumber];

    /// <summary>
    /// Text that looks like an identifier: digits, letters, separators and some non-ASCII
    /// characters (full-width digits, no-break space, non-breaking hyphen, accented letters).
    /// </summary>
    public static Gen<string> IdentifierLikeText { get; } = Gen.String[
        Gen.Char["0123456789999999012345ABCDEFGHJKLNPRSTVXZabcxyz .-–\u00A0\u2011\t,+E/\uFF10\uFF15é"], 0, 20];
}
