using System.Globalization;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// The date of a date condition: a fixed date <c>yyyy-MM-dd</c>, or <c>today</c> plus or minus a
/// number of days (<c>today</c>, <c>today-365</c>, <c>today+30</c>).
/// </summary>
internal readonly record struct RelativeDate(DateOnly? FixedDate, int OffsetDays)
{
    public static bool TryParse(string? text, out RelativeDate date)
    {
        date = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fixedDate))
        {
            date = new RelativeDate(fixedDate, 0);
            return true;
        }

        if (!value.StartsWith("today", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var offset = value[5..];
        if (offset.Length == 0)
        {
            date = new RelativeDate(null, 0);
            return true;
        }

        if (offset[0] is '+' or '-'
            && int.TryParse(offset.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && days <= 36_600)
        {
            date = new RelativeDate(null, offset[0] == '-' ? -days : days);
            return true;
        }

        return false;
    }

    public DateOnly Resolve(DateOnly today) => FixedDate ?? today.AddDays(OffsetDays);
}
