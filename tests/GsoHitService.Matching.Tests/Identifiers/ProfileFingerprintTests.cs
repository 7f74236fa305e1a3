using System.Buffers.Binary;
using System.Security.Cryptography;
using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>
/// Pins the canonical forms of profile <see cref="NormaliserProfile.Id"/>: tokens only match when
/// both sides run the same rules, so any change to a canonical form or to what is rejected must
/// come with a new profile id.
/// </summary>
public sealed class ProfileFingerprintTests
{
    private static readonly ColumnOptions Restore = new() { RestoreLeadingZeros = true };
    private static readonly ColumnOptions LetterThenAddition = new() { HouseNumberConvention = HouseNumberConvention.LetterThenAddition };
    private static readonly ColumnOptions AttachedLetterOnly = new() { HouseNumberConvention = HouseNumberConvention.AttachedLetterOnly };
    private static readonly ColumnOptions AdditionOnly = new() { HouseNumberConvention = HouseNumberConvention.AdditionOnly };
    private static readonly ColumnOptions DayMonthYear = new() { DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "excel-serial"] };
    private static readonly ColumnOptions AddressExpected = new() { RequireAddressableBagObject = true };

    // A fixed corpus: valid values in many writings, and one or more values per rule. Never edit
    // an entry to make the test pass; add entries for new rules and bump the profile.
    private static readonly (IdentifierType Type, string Input, ColumnOptions? Options)[] Corpus =
    [
        (IdentifierType.Bsn, "999990019", null),
        (IdentifierType.Bsn, "9999.90.019", null),
        (IdentifierType.Bsn, "０１２３４５６７２", null),
        (IdentifierType.Bsn, "12345672", null),
        (IdentifierType.Bsn, "12345672", Restore),
        (IdentifierType.Bsn, "999990018", null),
        (IdentifierType.Bsn, "000000000", null),
        (IdentifierType.Bsn, "12345672.0", null),
        (IdentifierType.Bsn, "99999001x", null),
        (IdentifierType.Rsin, "999990020", null),
        (IdentifierType.KvkNumber, "68750110", null),
        (IdentifierType.KvkNumber, "1234567", Restore),
        (IdentifierType.KvkNumber, "1234567", null),
        (IdentifierType.BranchNumber, "000037178598", null),
        (IdentifierType.BranchNumber, "12345678", Restore),
        (IdentifierType.BranchNumber, "1,23457E+11", null),
        (IdentifierType.BagObjectId, "NL.IMBAG.Nummeraanduiding.0363200000123456", null),
        (IdentifierType.BagObjectId, "363200000123456", Restore),
        (IdentifierType.BagObjectId, "0363100000123456", AddressExpected),
        (IdentifierType.BagObjectId, "0363400000123456", null),
        (IdentifierType.BagObjectId, "NL.IMBAG.Pand.0363200000123456", null),
        (IdentifierType.LicencePlate, "12-xzb-3", null),
        (IdentifierType.LicencePlate, "12\u2011XZB\u20113", null),
        (IdentifierType.LicencePlate, "AE-12-34", null),
        (IdentifierType.LicencePlate, "OB-12-FG", null),
        (IdentifierType.LicencePlate, "B NO 1234", null),
        (IdentifierType.LicencePlate, "12-34-56", null),
        (IdentifierType.LicencePlate, "12X-ZB3", null),
        (IdentifierType.LicencePlate, "GV-12-34", null),
        (IdentifierType.LicencePlate, "BA-12-FG", null),
        (IdentifierType.LicencePlate, "12-GVD-3", null),
        (IdentifierType.LicencePlate, "PVV-12-B", null),
        (IdentifierType.Iban, "nl13 test 0123 4567 89", null),
        (IdentifierType.Iban, "BE53 1234 5678 9012", null),
        (IdentifierType.Iban, "NL00TEST0000000079", null),
        (IdentifierType.Iban, "XX13TEST0123456789", null),
        (IdentifierType.Iban, "NL13TES10123456789", null),
        (IdentifierType.Address, "1234 ab;012;a;2 - hg", null),
        (IdentifierType.Address, "1234\u00A0AB;12", null),
        (IdentifierType.Address, "1234AB;12 A 2", LetterThenAddition),
        (IdentifierType.Address, "1234AB;12-A", AttachedLetterOnly),
        (IdentifierType.Address, "1234AB;12a", AdditionOnly),
        (IdentifierType.Address, "1234AB;12bis", LetterThenAddition),
        (IdentifierType.Address, "1234AB;12-feb", LetterThenAddition),
        (IdentifierType.Address, "0123AB;12", null),
        (IdentifierType.Address, "1234SS;12", null),
        (IdentifierType.Address, "1234AB;0", null),
        (IdentifierType.Address, "1234AB;12;;abcde", null),
        (IdentifierType.SurnameBirthDate, "van der Meer;1985-03-07", null),
        (IdentifierType.SurnameBirthDate, "Meer, v.d.;19850307", null),
        (IdentifierType.SurnameBirthDate, "d\u2019Ancona;19850307", null),
        (IdentifierType.SurnameBirthDate, "'s-Gravesande;19850307", null),
        (IdentifierType.SurnameBirthDate, "Ijzerman;19780300", null),
        (IdentifierType.SurnameBirthDate, "Mu\u0308ller-Møller Æß Łđðþ;19600000", null),
        (IdentifierType.SurnameBirthDate, "De Smet;07-03-1985", DayMonthYear),
        (IdentifierType.SurnameBirthDate, "Jansen;31113", DayMonthYear),
        (IdentifierType.SurnameBirthDate, "Jansen;0-0-1985", DayMonthYear),
        (IdentifierType.SurnameBirthDate, ".;19850307", null),
        (IdentifierType.SurnameBirthDate, "Jansen;00000000", null),
        (IdentifierType.SurnameBirthDate, "Jansen;19660013", null),
        (IdentifierType.SurnameBirthDate, "Jansen;03/07/1985", null),
        (IdentifierType.SurnameBirthDate, "Meer, xyz;19850307", null),
    ];

    [Fact]
    public void CorpusFingerprint_MatchesProfile()
    {
        var actual = ComputeFingerprint();

        Assert.True(
            actual == NormaliserProfile.CorpusFingerprint,
            $"The canonical forms or rejections of the fixed corpus changed (fingerprint {actual}). " +
            $"Tokens of profile '{NormaliserProfile.Id}' would no longer match between sides that run different builds. " +
            "If the change is intended, bump NormaliserProfile.Id and then set NormaliserProfile.CorpusFingerprint to the new value.");
    }

    [Fact]
    public void Corpus_CoversEveryType()
    {
        var types = Corpus.Select(entry => entry.Type).ToHashSet();

        Assert.Equal(IdentifierTypes.All.ToHashSet(), types);
    }

    private static string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[6];
        foreach (var (type, input, options) in Corpus)
        {
            byte[] outcome;
            if (IdentifierNormalizer.TryNormalize(type, input, options, out var identifier, out var error))
            {
                header[1] = 1;
                outcome = CanonicalEncoding.ToArray(identifier);
            }
            else
            {
                header[1] = 0;
                outcome = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(outcome, (int)error.Rule);
            }

            header[0] = (byte)type;
            BinaryPrimitives.WriteInt32BigEndian(header[2..], outcome.Length);
            hash.AppendData(header);
            hash.AppendData(outcome);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
