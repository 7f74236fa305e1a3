using System.Text;
using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>
/// NFC against NFD, full-width digits, Unicode separators and tr-TR casing: both sides must
/// hash the same bytes whatever the input method or the machine's culture.
/// </summary>
public sealed class UnicodeAndCultureTests
{
    private static byte[] Encode(IdentifierType type, string value) =>
        CanonicalEncoding.ToArray(IdentifierNormalizer.Normalize(type, value));

    [Fact]
    public void Normalize_MullerNfcAndNfd_GiveSameBytes()
    {
        var nfc = Encoding.UTF8.GetString([0x4d, 0xc3, 0xbc, 0x6c, 0x6c, 0x65, 0x72]);
        var nfd = Encoding.UTF8.GetString([0x4d, 0x75, 0xcc, 0x88, 0x6c, 0x6c, 0x65, 0x72]);
        Assert.NotEqual(nfc, nfd);

        Assert.Equal(
            Encode(IdentifierType.SurnameBirthDate, $"{nfc};1985-03-07"),
            Encode(IdentifierType.SurnameBirthDate, $"{nfd};1985-03-07"));
    }

    [Fact]
    public void Normalize_ZoeNfcAndNfd_GiveSameBytes()
    {
        var nfc = Encoding.UTF8.GetString([0x5a, 0x6f, 0xc3, 0xab]);
        var nfd = Encoding.UTF8.GetString([0x5a, 0x6f, 0x65, 0xcc, 0x88]);

        Assert.Equal(
            Encode(IdentifierType.SurnameBirthDate, $"{nfc};19850307"),
            Encode(IdentifierType.SurnameBirthDate, $"{nfd};19850307"));
    }

    [Fact]
    public void Normalize_FullWidthBsn_FoldsToAsciiDigits()
    {
        var identifier = IdentifierNormalizer.Normalize(IdentifierType.Bsn, "０１２３４５６７２");

        Assert.Equal("012345672", identifier.Value);
        Assert.Equal(Encode(IdentifierType.Bsn, "012345672"), CanonicalEncoding.ToArray(identifier));
    }

    [Fact]
    public void TryWriteEncoded_FullWidthBsn_FoldsDigits()
    {
        var destination = new byte[IdentifierNormalizer.MaxEncodedLength];

        var valid = IdentifierNormalizer.TryWriteEncoded(IdentifierType.Bsn, "０１２３４５６７２", ColumnOptions.Default, destination, out var written, out _);

        Assert.True(valid);
        Assert.Equal(Encode(IdentifierType.Bsn, "012345672"), destination[..written]);
    }

    [Theory]
    [InlineData("1234 ai;12", "1234AI;12")]
    [InlineData("1234 AI;12;i", "1234AI;12;I")]
    public void Normalize_TurkishCulture_UsesInvariantCasing(string input, string expected)
    {
        using var culture = new CultureScope("tr-TR");

        NormalizerAssert.Accepts(IdentifierType.Address, input, expected);
    }

    [Theory]
    [InlineData(IdentifierType.LicencePlate, "12-xib-3")]
    [InlineData(IdentifierType.LicencePlate, "ab-12-34")]
    [InlineData(IdentifierType.Iban, "nl13 test 0123 4567 89")]
    [InlineData(IdentifierType.SurnameBirthDate, "Van Dijk;19850307")]
    [InlineData(IdentifierType.SurnameBirthDate, "IJzerman;19850307")]
    [InlineData(IdentifierType.SurnameBirthDate, "In 't Veld;19850307")]
    [InlineData(IdentifierType.SurnameBirthDate, "Yılmaz;19850307")]
    [InlineData(IdentifierType.Address, "1234 ab;12;i;iii")]
    [InlineData(IdentifierType.BagObjectId, "nl.imbag.verblijfsobject.0363010000123456")]
    public void Normalize_TurkishCulture_GivesSameResultAsInvariant(IdentifierType type, string input)
    {
        var invariant = IdentifierNormalizer.TryNormalize(type, input, null, out var expected, out var expectedError);

        using var culture = new CultureScope("tr-TR");
        var turkish = IdentifierNormalizer.TryNormalize(type, input, null, out var actual, out var actualError);

        Assert.Equal(invariant, turkish);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedError, actualError);
    }

    [Fact]
    public void Normalize_LetterIUnderTurkishCulture_StaysAsciiI()
    {
        using var culture = new CultureScope("tr-TR");

        var identifier = IdentifierNormalizer.Normalize(IdentifierType.SurnameBirthDate, "Dijkstra;19850307");

        Assert.Equal("DIJKSTRA", identifier.Fields[1]);
        Assert.True(Ascii.IsValid(identifier.Fields[1]));
    }

    [Theory]
    [InlineData(IdentifierType.Bsn, "999\u00A0990\u00A0019")]
    [InlineData(IdentifierType.Bsn, "999\u2011990\u2011019")]
    [InlineData(IdentifierType.Bsn, "999\u2013990\u2013019")]
    [InlineData(IdentifierType.Bsn, "999\t990\t019")]
    [InlineData(IdentifierType.Bsn, "999\u202F990\u202F019")]
    [InlineData(IdentifierType.Bsn, "999\uFF0D990\uFF0D019")]
    public void Normalize_UnicodeSeparators_CountAsSeparators(IdentifierType type, string input)
    {
        NormalizerAssert.Accepts(type, input, "999990019");
    }

    [Fact]
    public void Encoding_BsnAndRsin_DifferInTypeByte()
    {
        var bsn = Encode(IdentifierType.Bsn, "999990019");
        var rsin = Encode(IdentifierType.Rsin, "999990019");

        Assert.Equal((byte)IdentifierType.Bsn, bsn[1]);
        Assert.Equal((byte)IdentifierType.Rsin, rsin[1]);
        Assert.Equal(bsn[2..], rsin[2..]);
    }
}
