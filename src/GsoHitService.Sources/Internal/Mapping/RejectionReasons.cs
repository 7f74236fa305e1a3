using System.Collections.Concurrent;
using GsoHitService.Matching;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// Reason codes of the import report. Row reasons are kebab-case; identifier reasons are
/// <c>type:Rule</c>, with the rules of the matching core and the ingest rules below.
/// </summary>
internal static class RejectionReasons
{
    /// <summary>The record does not meet the source's relevance conditions.</summary>
    public const string NotRelevant = "not-relevant";

    /// <summary>The record has no value in any mapped identifier field.</summary>
    public const string NoIdentifier = "no-identifier";

    /// <summary>The reader could not split the record reliably, such as a CSV row with another field count than the header.</summary>
    public const string MalformedRow = "malformed-row";

    /// <summary>A date that a relevance condition tests is not in a declared format.</summary>
    public const string InvalidRelevanceDate = "invalid-relevance-date";

    /// <summary>A number where digits with leading zeros are expected, without a pad rule, or a number that is not an integer.</summary>
    public const string NumericValue = "NumericValue";



    /// <summary>The field contains a value without a text form, such as a blob or a JSON object.</summary>
    public const string UnsupportedValue = "UnsupportedValue";

    /// <summary>A part of an address or a name has more than one value, so the parts cannot be paired.</summary>
    public const string MultipleValues = "MultipleValues";



    private static readonly ConcurrentDictionary<(IdentifierType Type, string Rule), string> Cache = new();

    /// <summary>Gets the reason code <c>type:Rule</c>, for example <c>bsn:Elfproef</c>.</summary>
    public static string For(IdentifierType type, string rule) =>
        Cache.GetOrAdd((type, rule), static key => $"{IdentifierTypes.ToName(key.Type)}:{key.Rule}");

    public static string For(IdentifierError error) => For(error.Type, error.Rule.ToString());
}
