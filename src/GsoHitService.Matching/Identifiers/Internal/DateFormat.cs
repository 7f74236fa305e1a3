namespace GsoHitService.Matching;

/// <summary>
/// A declared date format in .NET custom format notation, limited to what a birth date needs:
/// <c>yyyy</c> (4 digits), <c>MM</c> and <c>dd</c> (2 digits), <c>M</c> and <c>d</c> (1 or 2
/// digits) and the separators <c>-</c>, <c>/</c>, <c>.</c> and space. Unlike
/// <see cref="DateTime.ParseExact(string, string, IFormatProvider)"/> it accepts <c>00</c> for an
/// unknown day or month, because the BRP writes partial dates that way.
/// </summary>
internal sealed class DateFormat
{
    private readonly Element[] _elements;

    private DateFormat(Element[] elements)
    {
        _elements = elements;
    }

    private enum Part
    {
        Literal,
        Year,
        Month,
        Day,
    }

    /// <summary>Parses a format string.</summary>
    /// <exception cref="ArgumentException">The format uses another specifier, lacks a part or repeats one.</exception>
    public static DateFormat Parse(string format)
    {
        var elements = new List<Element>();
        var position = 0;
        while (position < format.Length)
        {
            var c = format[position];
            var run = 1;
            while (position + run < format.Length && format[position + run] == c)
            {
                run++;
            }

            elements.Add((c, run) switch
            {
                ('y', 4) => new Element(Part.Year, 4, 4, '\0'),
                ('M', 1) => new Element(Part.Month, 1, 2, '\0'),
                ('M', 2) => new Element(Part.Month, 2, 2, '\0'),
                ('d', 1) => new Element(Part.Day, 1, 2, '\0'),
                ('d', 2) => new Element(Part.Day, 2, 2, '\0'),
                ('-' or '/' or '.' or ' ', 1) => new Element(Part.Literal, 0, 0, c),
                _ => throw new ArgumentException(
                    $"Date format '{format}' is not supported at '{new string(c, run)}': use yyyy, MM, M, dd, d and one of - / . or space between them, or '{BirthDates.ExcelSerialFormat}'.",
                    nameof(format)),
            });
            position += run;
        }

        Validate(format, elements);
        return new DateFormat([.. elements]);
    }

    /// <summary>Matches a whole text; day and month are 0 where the text has 00.</summary>
    public bool TryMatch(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var position = 0;
        foreach (var element in _elements)
        {
            if (element.Part == Part.Literal)
            {
                if (position >= text.Length || text[position] != element.Literal)
                {
                    return false;
                }

                position++;
                continue;
            }

            var digits = 0;
            while (digits < element.MaxDigits && position + digits < text.Length && char.IsAsciiDigit(text[position + digits]))
            {
                digits++;
            }

            if (digits < element.MinDigits)
            {
                return false;
            }

            var value = 0;
            foreach (var c in text.Slice(position, digits))
            {
                value = (value * 10) + (c - '0');
            }

            position += digits;
            switch (element.Part)
            {
                case Part.Year:
                    year = value;
                    break;
                case Part.Month:
                    month = value;
                    break;
                default:
                    day = value;
                    break;
            }
        }

        return position == text.Length;
    }

    /// <summary>
    /// Requires each of year, month and day once, and a separator after a 1-or-2-digit part so
    /// that <c>d</c> and <c>M</c> never have to guess where a number ends.
    /// </summary>
    private static void Validate(string format, List<Element> elements)
    {
        foreach (var part in new[] { Part.Year, Part.Month, Part.Day })
        {
            if (elements.Count(element => element.Part == part) != 1)
            {
                throw new ArgumentException($"Date format '{format}' needs exactly one year (yyyy), one month (MM or M) and one day (dd or d).", nameof(format));
            }
        }

        for (var i = 0; i < elements.Count - 1; i++)
        {
            if (elements[i].MinDigits != elements[i].MaxDigits && elements[i + 1].Part != Part.Literal)
            {
                throw new ArgumentException($"Date format '{format}' needs a separator after d or M, because they take 1 or 2 digits.", nameof(format));
            }
        }
    }

    private readonly record struct Element(Part Part, int MinDigits, int MaxDigits, char Literal);
}
