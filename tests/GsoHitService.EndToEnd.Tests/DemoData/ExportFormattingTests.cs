using GsoHitService.Demo.Data;

namespace GsoHitService.EndToEnd.Tests.DemoData;

public sealed class ExportFormattingTests
{
    [Theory]
    [InlineData(2024, 10, 4, "2024-10-03T22:00:00.0000000Z")] // the Mijn Amsterdam PowerBrowser mock's own pair
    [InlineData(2023, 11, 14, "2023-11-13T23:00:00.0000000Z")]
    [InlineData(2024, 3, 31, "2024-03-30T23:00:00.0000000Z")] // summer time starts at 02:00 that day
    [InlineData(2024, 4, 1, "2024-03-31T22:00:00.0000000Z")]
    [InlineData(2024, 10, 27, "2024-10-26T22:00:00.0000000Z")] // summer time ends at 03:00 that day
    [InlineData(2024, 10, 28, "2024-10-27T23:00:00.0000000Z")]
    public void PowerBrowserUtc_LocalDate_IsAmsterdamMidnight(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, ExportFormatting.PowerBrowserUtc(new DateOnly(year, month, day)));
    }

    [Fact]
    public void PowerBrowserUtc_EveryDay_MatchesTimeZoneData()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var amsterdam))
        {
            Assert.Skip("This machine has no time zone data for Europe/Amsterdam.");
        }

        for (var date = new DateOnly(2019, 1, 1); date <= new DateOnly(2026, 12, 31); date = date.AddDays(1))
        {
            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            var utc = TimeZoneInfo.ConvertTimeToUtc(local, amsterdam);
            Assert.Equal(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), ExportFormatting.PowerBrowserUtc(date));
        }
    }

    [Theory]
    [InlineData("1234.5", "1.234,50")]
    [InlineData("0.04", "0,04")]
    [InlineData("1234567.89", "1.234.567,89")]
    public void DutchAmount_Amount_UsesDutchSeparators(string amount, string expected)
    {
        Assert.Equal(expected, ExportFormatting.DutchAmount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void DutchDate_Date_IsDayMonthYear()
    {
        Assert.Equal("05-03-2024", ExportFormatting.DutchDate(new DateOnly(2024, 3, 5)));
    }
}
