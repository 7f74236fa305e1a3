using System.Globalization;
using GsoHitService.Cli.Decisions;

namespace GsoHitService.Cli.Tests.Decisions;

public sealed class MessagesTests
{
    [Theory]
    [InlineData(0, "0 logregels")]
    [InlineData(1, "1 logregel")]
    [InlineData(2, "2 logregels")]
    public void FormatCount_PicksFormByCount(long count, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            Assert.Equal(expected, Messages.FormatCount(count, "{0} logregel", "{0} logregels", count));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
