using GsoHitService.Matching;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>Object types inside a canonical BAG object id (16 digits: municipality, object type, serial).</summary>
internal static class BagIds
{
    /// <summary>
    /// Whether the id can stand for an address: a nummeraanduiding (20) or an addressable object, that
    /// is a verblijfsobject (01), ligplaats (02) or standplaats (03).
    /// </summary>
    public static bool IsAddress(CanonicalIdentifier identifier)
    {
        var id = identifier.Fields[0];
        return id.Length == 16 && id.AsSpan(4, 2) is "01" or "02" or "03" or "20";
    }
}
