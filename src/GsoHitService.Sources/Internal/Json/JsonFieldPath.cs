using System.Text.Json;

namespace GsoHitService.Sources.Internal.Json;

/// <summary>
/// A field path into a JSON record: property names separated by dots, for example
/// <c>verblijfplaats.verblijfadres.postcode</c>. A property whose value is an array yields all its items,
/// unless a selector picks some: <c>partners[0]</c> takes the first item, and
/// <c>fields[fieldName=STARTDATUM]</c> the items whose property <c>fieldName</c> is <c>STARTDATUM</c>.
/// Property names are compared exactly, as JSON does.
/// </summary>
internal sealed class JsonFieldPath
{
    private readonly Segment[] _segments;

    private JsonFieldPath(Segment[] segments) => _segments = segments;

    /// <summary>Whether the path is empty and so stands for the record or document itself.</summary>
    public bool IsRoot => _segments.Length == 0;

    public static bool TryParse(string? text, out JsonFieldPath path, out string error)
    {
        path = new JsonFieldPath([]);
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var segments = new List<Segment>();
        var position = 0;
        while (position <= text.Length)
        {
            var nameEnd = text.IndexOfAny(['.', '['], position);
            if (nameEnd < 0)
            {
                nameEnd = text.Length;
            }

            var name = text[position..nameEnd];
            if (name.Length == 0 || name.Contains(']'))
            {
                error = "a property name is empty or contains ']'";
                return false;
            }

            Selector selector = Selector.All;
            position = nameEnd;
            if (position < text.Length && text[position] == '[')
            {
                var close = text.IndexOf(']', position);
                if (close < 0 || !TryParseSelector(text[(position + 1)..close], out selector))
                {
                    error = "a selector is not [n], [property=value] or []";
                    return false;
                }

                position = close + 1;
            }

            segments.Add(new Segment(name, selector));
            if (position == text.Length)
            {
                break;
            }

            if (text[position] != '.')
            {
                error = "a selector must be followed by '.' or end the path";
                return false;
            }

            position++;
            if (position == text.Length)
            {
                error = "the path ends with '.'";
                return false;
            }
        }

        path = new JsonFieldPath([.. segments]);
        return true;
    }

    /// <summary>
    /// Adds every element that the path reaches from <paramref name="start"/>. With
    /// <paramref name="keepLastArray"/>, an array at the end of the path is added as one element
    /// instead of item by item, so that a present but empty array differs from a missing one.
    /// </summary>
    public void Collect(JsonElement start, List<JsonElement> elements, bool keepLastArray = false) => Walk(start, 0, elements, keepLastArray);

    private void Walk(JsonElement element, int depth, List<JsonElement> elements, bool keepLastArray)
    {
        if (depth == _segments.Length)
        {
            elements.Add(element);
            return;
        }

        var segment = _segments[depth];
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment.Name, out var value))
        {
            return;
        }

        var keepArray = keepLastArray && depth == _segments.Length - 1 && segment.Selector.Kind == SelectorKind.All;
        if (value.ValueKind != JsonValueKind.Array || keepArray)
        {
            if (segment.Selector.Kind == SelectorKind.All)
            {
                Walk(value, depth + 1, elements, keepLastArray);
            }

            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (segment.Selector.Matches(item, index))
            {
                Walk(item, depth + 1, elements, keepLastArray);
            }

            index++;
        }
    }

    private static bool TryParseSelector(string text, out Selector selector)
    {
        selector = Selector.All;
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            selector = new Selector(SelectorKind.Index, index, null, null);
            return true;
        }

        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        selector = new Selector(SelectorKind.Match, 0, text[..equals].Trim(), text[(equals + 1)..].Trim());
        return true;
    }

    private enum SelectorKind
    {
        All,
        Index,
        Match,
    }

    private sealed record Selector(SelectorKind Kind, int Index, string? Property, string? Value)
    {
        public static Selector All { get; } = new(SelectorKind.All, 0, null, null);

        public bool Matches(JsonElement item, int index) => Kind switch
        {
            SelectorKind.All => true,
            SelectorKind.Index => index == Index,
            _ => item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty(Property!, out var key)
                && key.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && string.Equals(key.ValueKind == JsonValueKind.String ? key.GetString() : key.GetRawText(), Value, StringComparison.Ordinal),
        };
    }

    private sealed record Segment(string Name, Selector Selector);
}
