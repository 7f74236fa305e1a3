using System.Globalization;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Tests.Support;

/// <summary>Signals built in memory, with made-up identifiers that pass their checks.</summary>
internal static class TestSignals
{
    public static Signal Create(params (string Label, CanonicalIdentifier[] Identifiers)[] subjects) =>
        new(
            SignalId.New(),
            "Signaal",
            "melding",
            "",
            DateTimeOffset.UnixEpoch,
            subjects.Select(subject => new Subject(SubjectId.New(), subject.Label, SubjectKind.Person, subject.Identifiers)).ToArray());

    /// <summary>A signal of <paramref name="count"/> persons with one BSN each.</summary>
    public static Signal WithBsns(int count) =>
        Create(Bsns(count).Select((bsn, i) => ($"Betrokkene {i}", new[] { IdentifierNormalizer.Normalize(IdentifierType.Bsn, bsn) })).ToArray());

    /// <summary>Makes up BSNs that pass the elfproef, in ascending order from 100000000.</summary>
    public static IEnumerable<string> Bsns(int count)
    {
        var produced = 0;
        for (var prefix = 10_000_000; produced < count; prefix++)
        {
            var digits = prefix.ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (digits[i] - '0') * (9 - i);
            }

            // The check digit counts -1: sum - check must be a multiple of 11, with check 0-9.
            var check = sum % 11;
            if (check == 10)
            {
                continue;
            }

            produced++;
            yield return digits + (char)('0' + check);
        }
    }
}
