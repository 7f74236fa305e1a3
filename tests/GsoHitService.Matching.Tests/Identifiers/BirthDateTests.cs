using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>Declared date formats and BRP partial dates, with surname Jansen throughout.</summary>
public sealed class BirthDateTests
{
    private static ColumnOptions Declared(params string[] formats) => new() { DateFormats = formats };

    [Theory]
    [InlineData("19850307")]
    [InlineData("1985-03-07")]
    [InlineData(" 1985-03-07 ")]
    [InlineData("1985\u201303\u201307")]
    [InlineData("１９８５０３０７")]
    public void Normalize_UndeclaredBrpAndIsoForms_AreAccepted(string date)
    {
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, $"Jansen;{date}", "JANSEN;19850307");
    }

    [Theory]
    [InlineData("07-03-1985", "dd-MM-yyyy")]
    [InlineData("7-3-1985", "d-M-yyyy")]
    [InlineData("07-03-1985", "d-M-yyyy")]
    [InlineData("07/03/1985", "dd/MM/yyyy")]
    [InlineData("03/07/1985", "MM/dd/yyyy")]
    [InlineData("7.3.1985", "d.M.yyyy")]
    [InlineData("7 3 1985", "d M yyyy")]
    [InlineData("19850307", "yyyyMMdd")]
    [InlineData("31113", "excel-serial")]
    public void Normalize_DeclaredFormat_GivesBrpDate(string date, string format)
    {
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, $"Jansen;{date}", "JANSEN;19850307", Declared(format));
    }

    [Fact]
    public void Normalize_SeveralDeclaredFormats_AreTriedInOrder()
    {
        var options = Declared("dd-MM-yyyy", "excel-serial");

        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, "Jansen;07-03-1985", "JANSEN;19850307", options);
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, "Jansen;31113", "JANSEN;19850307", options);
    }

    [Theory]
    [InlineData("03/07/1985")]
    [InlineData("7-3-1985")]
    [InlineData("07-03-1985")]
    [InlineData("31113")]
    [InlineData("1985-3-7")]
    [InlineData("1985-03-07T00:00:00")]
    public void Normalize_UndeclaredFormat_IsRejectedNotGuessed(string date)
    {
        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, $"Jansen;{date}", IdentifierRule.UndeclaredDateFormat);
    }

    [Fact]
    public void Normalize_IsoWhenOtherDeclared_IsUndeclared()
    {
        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, "Jansen;1985-03-07", IdentifierRule.UndeclaredDateFormat, Declared("dd-MM-yyyy"));
    }

    [Theory]
    [InlineData("19850000", null, "JANSEN;19850000")]
    [InlineData("19850300", null, "JANSEN;19850300")]
    [InlineData("1985-03-00", null, "JANSEN;19850300")]
    [InlineData("1985-00-00", null, "JANSEN;19850000")]
    [InlineData("00-00-1985", "dd-MM-yyyy", "JANSEN;19850000")]
    [InlineData("00-03-1985", "dd-MM-yyyy", "JANSEN;19850300")]
    [InlineData("0-0-1985", "d-M-yyyy", "JANSEN;19850000")]
    public void Normalize_PartialDate_KeepsItsZeros(string date, string? format, string expected)
    {
        var options = format is null ? null : Declared(format);

        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, $"Jansen;{date}", expected, options);
    }

    [Fact]
    public void Normalize_PartialAndFullDate_AreDifferentKeys()
    {
        var partial = IdentifierNormalizer.Normalize(IdentifierType.SurnameBirthDate, "Jansen;19850300");
        var full = IdentifierNormalizer.Normalize(IdentifierType.SurnameBirthDate, "Jansen;19850301");
        var yearOnly = IdentifierNormalizer.Normalize(IdentifierType.SurnameBirthDate, "Jansen;19850101");

        Assert.NotEqual(partial, full);
        Assert.NotEqual(IdentifierNormalizer.Normalize(IdentifierType.SurnameBirthDate, "Jansen;19850000"), yearOnly);
    }

    [Theory]
    [InlineData("1985-02-30", null)]
    [InlineData("19851301", null)]
    [InlineData("19851300", null)]
    [InlineData("19660013", null)]
    [InlineData("00000315", null)]
    [InlineData("00001985", null)]
    [InlineData("19850432", null)]
    [InlineData("20230229", null)]
    [InlineData("19000229", null)]
    [InlineData("30-02-1985", "dd-MM-yyyy")]
    [InlineData("60", "excel-serial")]
    [InlineData("0", "excel-serial")]
    public void Normalize_ImpossibleDate_IsRejected(string date, string? format)
    {
        var options = format is null ? null : Declared(format);

        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, $"Jansen;{date}", IdentifierRule.ImpossibleDate, options);
    }

    [Theory]
    [InlineData("20240229", "JANSEN;20240229")]
    [InlineData("20000229", "JANSEN;20000229")]
    public void Normalize_LeapDay_IsAccepted(string date, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, $"Jansen;{date}", expected);
    }

    [Theory]
    [InlineData("00000000", null)]
    [InlineData("0000-00-00", null)]
    [InlineData("00-00-0000", "dd-MM-yyyy")]
    public void Normalize_UnknownDate_GivesNoKey(string date, string? format)
    {
        var options = format is null ? null : Declared(format);

        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, $"Jansen;{date}", IdentifierRule.UnknownBirthDate, options);
    }

    [Theory]
    [InlineData("1", "JANSEN;19000101")]
    [InlineData("59", "JANSEN;19000228")]
    [InlineData("61", "JANSEN;19000301")]
    [InlineData("2958465", "JANSEN;99991231")]
    public void Normalize_ExcelSerial_SkipsFictitiousLeapDay(string serial, string expected)
    {
        NormalizerAssert.Accepts(IdentifierType.SurnameBirthDate, $"Jansen;{serial}", expected, Declared("excel-serial"));
    }

    [Theory]
    [InlineData("7-mrt-1985")]
    [InlineData("07-Mar-85")]
    [InlineData("3,1113E+4")]
    public void Normalize_SpreadsheetDate_IsExcelArtefact(string date)
    {
        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, $"Jansen;{date}", IdentifierRule.ExcelArtefact, Declared("dd-MM-yyyy"));
    }

    [Fact]
    public void Normalize_MissingDate_IsBirthDateMissing()
    {
        NormalizerAssert.Rejects(IdentifierType.SurnameBirthDate, "Jansen; ", IdentifierRule.BirthDateMissing);
    }

    [Theory]
    [InlineData("yy-MM-dd")]
    [InlineData("dMMyyyy")]
    [InlineData("dd-MMM-yyyy")]
    [InlineData("dd-MM")]
    [InlineData("dd-MM-yyyy-dd")]
    [InlineData("dd_MM_yyyy")]
    [InlineData("Excel-Serial")]
    public void Normalize_UnsupportedDeclaredFormat_Throws(string format)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            IdentifierNormalizer.TryNormalize(IdentifierType.SurnameBirthDate, "Jansen;07-03-1985", Declared(format), out _, out _));

        Assert.Contains(format, exception.Message, StringComparison.Ordinal);
    }
}
