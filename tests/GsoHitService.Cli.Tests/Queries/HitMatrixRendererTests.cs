using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GsoHitService.Cli.Queries;
using GsoHitService.Protocol.V1;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Cli.Tests.Queries;

public sealed class HitMatrixRendererTests
{
    [Fact]
    public void Render_Sample_WritesMatrixDepartmentsLegendAndCase()
    {
        var output = Render(HitQueryResults.Sample(), "nl-NL");

        Assert.Equal(
            """
            Bevraging query-3 (signaal sig-1, besluit pc1-2026-0001)
            Gestart 12-03-2026 13:58, afgerond 12-03-2026 13:58 (lokale tijd)

            Betrokkene    brp       vergunningen  belastingen       sociaal-domein
            ------------  --------  ------------  ----------------  ----------------
            Betrokkene A  hit       niet in bron  niet beschikbaar  niet beschikbaar
            Betrokkene B  geen hit  hit           niet beschikbaar  -

            Afdelingen:
              Afdeling        Uitkomst                                                        Index
              --------------  --------------------------------------------------------------  ------------------------------------------
              brp             beantwoord                                                      geladen 12-03-2026 06:00 (8 uur geleden)
              vergunningen    beantwoord                                                      geladen 12-03-2026 13:30 (30 min. geleden)
              belastingen     niet beschikbaar: De agent van belastingen is niet bereikbaar.
              sociaal-domein  beantwoord                                                      geladen 09-03-2026 14:00 (3 dagen geleden)

            Legenda:
              hit               de afdeling heeft relevante gegevens over de betrokkene
              geen hit          de afdeling heeft geen relevante gegevens bij de gevraagde identificatiegegevens
              niet in bron      de afdeling registreert de gevraagde soorten identificatiegegevens niet
              niet beschikbaar  nu geen betrouwbaar antwoord (afdeling onbereikbaar, index niet gereed of te laat); dit is geen "geen hit"
              -                 niet gevraagd, omdat het buiten het besluit privacycheck 1 valt
              Per betrokkene telt een hit bij één soort identificatiegegeven als hit; met --details ziet u het antwoord per soort.

            Casus: casus-9

            """.ReplaceLineEndings(),
            output);
    }

    [Fact]
    public void Render_Details_ListsAnswerPerType()
    {
        var output = Render(HitQueryResults.Sample(), "nl-NL", showDetails: true);

        Assert.Contains(
            """
            
            Per soort identificatiegegeven:
            Betrokkene    Soort       brp       vergunningen  belastingen       sociaal-domein
            ------------  ----------  --------  ------------  ----------------  ----------------
            Betrokkene A  BSN         hit       niet in bron  niet beschikbaar  geen hit
                          Adres       geen hit  niet in bron  niet beschikbaar  niet beschikbaar
            """.ReplaceLineEndings(),
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnavailableDepartment_NeverShowsNoHit()
    {
        var output = Render(HitQueryResults.Sample(), "nl-NL");

        Assert.Equal("niet beschikbaar", HitQueryResults.Cell(output, "Betrokkene A", "belastingen"));
        Assert.Equal("niet beschikbaar", HitQueryResults.Cell(output, "Betrokkene B", "belastingen"));
    }

    [Fact]
    public void Render_English_UsesEnglishCellsAndCodeTexts()
    {
        var output = Render(HitQueryResults.Sample(), "en-GB");

        Assert.Equal("no hit", HitQueryResults.Cell(output, "Betrokkene B", "brp", "Subject"));
        Assert.Equal("not held", HitQueryResults.Cell(output, "Betrokkene A", "vergunningen", "Subject"));
        Assert.Equal("unavailable", HitQueryResults.Cell(output, "Betrokkene A", "belastingen", "Subject"));
        Assert.Contains("unavailable: the agent cannot be reached", output, StringComparison.Ordinal);
        Assert.Contains("loaded 2026-03-12 06:00 (8 h ago)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("niet", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DepartmentOutcome.Refused, "decision-rejected: De agent weigert het besluit: handtekening ongeldig.", "geweigerd: De agent weigert het besluit: handtekening ongeldig.")]
    [InlineData(DepartmentOutcome.DeadlineExceeded, "deadline-exceeded:", "time-out: de agent antwoordde niet op tijd")]
    [InlineData(DepartmentOutcome.VersionMismatch, "version-mismatch: Sleutelperiode 2026-11 in plaats van 2026-12.", "versieverschil: Sleutelperiode 2026-11 in plaats van 2026-12.")]
    [InlineData(DepartmentOutcome.Cancelled, "coordinator-restarted: De coördinator is gestopt.", "afgebroken: De coördinator is gestopt.")]
    [InlineData(DepartmentOutcome.Unavailable, "", "niet beschikbaar")]
    [InlineData(DepartmentOutcome.Unavailable, "zonder code", "niet beschikbaar: zonder code")]
    [InlineData(DepartmentOutcome.Unspecified, "query-in-progress: Loopt nog.", "loopt nog")]
    public void Render_Outcome_IsDescribed(DepartmentOutcome outcome, string reason, string expected)
    {
        var result = HitQueryResults.Sample();
        result.Departments[2].Outcome = outcome;
        result.Departments[2].Reason = reason;

        var output = Render(result, "nl-NL");

        var line = output.Split(Environment.NewLine).Single(text => text.StartsWith("  belastingen", StringComparison.Ordinal));
        Assert.Equal("  belastingen     " + expected, line);
    }

    [Fact]
    public void Render_NotCompleted_SaysSo()
    {
        var result = HitQueryResults.Sample();
        result.CompletedAt = null;
        result.CaseId = "";

        var output = Render(result, "nl-NL");

        Assert.Contains("Gestart 12-03-2026 13:58 (lokale tijd), nog niet afgerond", output, StringComparison.Ordinal);
        Assert.Contains("Geen casus geopend.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartOfSubjects_SaysHowMany()
    {
        var result = HitQueryResults.Sample();
        result.TotalSubjectCount = 5;

        var output = Render(result, "nl-NL");

        Assert.Contains("Let op: dit resultaat toont 2 van de 5 betrokkenen.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LocalTimeZone_ConvertsTimes()
    {
        var time = new FakeTimeProvider(HitQueryResults.Now);
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("test+1", TimeSpan.FromHours(1), "test+1", "test+1"));
        var output = new StringWriter();

        WithCulture("nl-NL", () => new HitMatrixRenderer(time).Render(HitQueryResults.Sample(), output));

        Assert.Contains("geladen 12-03-2026 07:00 (8 uur geleden)", output.ToString(), StringComparison.Ordinal);
    }

    private static string Render(HitQueryResult result, string culture, bool showDetails = false)
    {
        var time = new FakeTimeProvider(HitQueryResults.Now);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var output = new StringWriter();
        WithCulture(culture, () => new HitMatrixRenderer(time).Render(result, output, showDetails));
        return output.ToString();
    }

    private static void WithCulture(string culture, Action action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
