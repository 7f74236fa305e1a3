using GsoHitService.Cli.Help;

namespace GsoHitService.Cli.Tests.Help;

public sealed class TwoColumnLayoutTests
{
    [Fact]
    public void Write_UnlimitedWidth_AlignsDescriptions()
    {
        var output = new StringWriter { NewLine = "\n" };

        TwoColumnLayout.Write(output, [new("--type <TYPE>", "Soort."), new("-h", "Hulp.")], HelpWidth.Unlimited);

        Assert.Equal("  --type <TYPE>  Soort.\n  -h             Hulp.\n", output.ToString());
    }

    [Fact]
    public void Write_NarrowWidth_WrapsDescriptionUnderItsColumn()
    {
        var output = new StringWriter { NewLine = "\n" };
        var description = "Bestand met op de eerste regel het wachtwoord van het PFX-bestand of van de versleutelde sleutel.";

        TwoColumnLayout.Write(output, [new("--wachtwoord <BESTAND>", description)], 60);

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 1, "The description should wrap at 60 characters.");
        Assert.All(lines, line => Assert.True(line.Length <= 60, $"Line longer than 60: '{line}'"));
        Assert.StartsWith("  --wachtwoord <BESTAND>  Bestand met", lines[0], StringComparison.Ordinal);

        // Continuation lines start at the description column, and no word is lost or split.
        var column = "  --wachtwoord <BESTAND>  ".Length;
        Assert.All(lines.Skip(1), line => Assert.Equal(new string(' ', column), line[..column]));
        Assert.Equal(description, string.Join(' ', lines.Select(line => line[column..])));
    }

    [Fact]
    public void Write_EmptyDescription_WritesLabelOnly()
    {
        var output = new StringWriter { NewLine = "\n" };

        TwoColumnLayout.Write(output, [new("--a", string.Empty), new("--bbb", "Uitleg.")], HelpWidth.Unlimited);

        Assert.Equal("  --a\n  --bbb  Uitleg.\n", output.ToString());
    }

    [Fact]
    public void Wrap_WordLongerThanWidth_IsCutAtWidth()
    {
        var lines = TextWrapping.Wrap("abcdefghij kl", 4).ToList();

        Assert.Equal(["abcd", "efgh", "ij", "kl"], lines);
    }

    [Fact]
    public void Wrap_KeepsLineBreaks()
    {
        var lines = TextWrapping.Wrap("eerste regel\ntweede", 100).ToList();

        Assert.Equal(["eerste regel", "tweede"], lines);
    }
}
