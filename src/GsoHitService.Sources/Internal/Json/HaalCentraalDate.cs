using System.Globalization;
using System.Text.Json;

namespace GsoHitService.Sources.Internal.Json;

/// <summary>
/// Reads a Haal Centraal BRP date object (BRP API v2: <c>type</c> Datum, JaarMaandDatum, JaarDatum
/// or DatumOnbekend) as the BRP's date text <c>yyyymmdd</c> with <c>00</c> for unknown parts, so that
/// a partial date keeps its precision.
/// </summary>
internal static class HaalCentraalDate
{
    public static bool TryFormat(JsonElement element, out string text)
    {
        text = "";
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        switch (type.GetString())
        {
            case "Datum" when TryGetString(element, "datum", out var iso)
                && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                text = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                return true;
            case "JaarMaandDatum" when TryGetInt(element, "jaar", out var year) && TryGetInt(element, "maand", out var month):
                text = Format(year, month);
                return true;
            case "JaarDatum" when TryGetInt(element, "jaar", out var year):
                text = Format(year, 0);
                return true;
            case "DatumOnbekend":
                text = "00000000";
                return true;
            default:
                return false;
        }
    }

    private static string Format(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}{month:D2}00");

    private static bool TryGetString(JsonElement element, string name, out string value)
    {
        value = "";
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
        {
            value = property.GetString()!;
            return true;
        }

        return false;
    }

    private static bool TryGetInt(JsonElement element, string name, out int value)
    {
        value = 0;
        return element.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.Number
            && property.TryGetInt32(out value)
            && value is >= 0 and <= 9999;
    }
}
