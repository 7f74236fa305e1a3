using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Cli.Signals;

/// <summary>The subjects ready to send, or every problem found in them.</summary>
internal sealed record SubjectValidation(IReadOnlyList<SubjectInput> Subjects, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Checks subjects before they go to the coordinator: labels, kinds, identifier types, and every
/// identifier value with the same normaliser as the coordinator and the agents. Problems name the
/// subject, the identifier's position and the rule, and never contain a value. They leave out the
/// text of a kind or type column too, because swapped columns can put a value there.
/// </summary>
internal static class SubjectValidator
{
    public const string Person = "persoon";
    public const string Organisation = "organisatie";

    public static SubjectValidation Validate(IReadOnlyList<SubjectEntry> entries)
    {
        var problems = new List<string>();
        var subjects = new List<SubjectInput>();
        if (entries.Count == 0)
        {
            problems.Add(SignalStrings.NoSubjects);
        }

        var firstByLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var number = i + 1;
            var place = Place(entry.Label, number);
            var label = entry.Label.Trim();

            if (label.Length == 0)
            {
                problems.Add(Messages.Format(SignalStrings.SubjectLabelMissing, number));
            }
            else if (!firstByLabel.TryAdd(label, number))
            {
                problems.Add(Messages.Format(SignalStrings.SubjectLabelDuplicate, place, firstByLabel[label]));
            }

            var kind = entry.Kind.Trim().ToLowerInvariant();
            if (kind is not (Person or Organisation))
            {
                problems.Add(Messages.Format(SignalStrings.SubjectKindInvalid, place, Person, Organisation));
            }

            if (entry.Identifiers.Count == 0)
            {
                problems.Add(Messages.Format(SignalStrings.SubjectWithoutIdentifiers, place));
            }

            var subject = new SubjectInput { Label = label, Kind = kind };
            subject.Identifiers.AddRange(ValidateIdentifiers(entry, place, problems));
            subjects.Add(subject);
        }

        return new SubjectValidation(subjects, problems);
    }

    private static IEnumerable<IdentifierInput> ValidateIdentifiers(SubjectEntry entry, string place, List<string> problems)
    {
        var seen = new Dictionary<CanonicalIdentifier, int>();
        for (var j = 0; j < entry.Identifiers.Count; j++)
        {
            var identifier = entry.Identifiers[j];
            var position = Position(place, j + 1, identifier.Line);

            if (!IdentifierTypes.TryParse(identifier.TypeName, out var type))
            {
                problems.Add(Messages.Format(SignalStrings.IdentifierTypeUnknown, position, string.Join(", ", IdentifierTypes.Names)));
                continue;
            }

            if (!IdentifierNormalizer.TryNormalize(type, identifier.Value, ColumnOptions.Default, out var canonical, out var error))
            {
                problems.Add(Messages.Format(SignalStrings.IdentifierInvalid, position, IdentifierMessages.Describe(error)));
                continue;
            }

            if (seen.TryGetValue(canonical, out var earlier))
            {
                problems.Add(Messages.Format(SignalStrings.IdentifierDuplicate, position, IdentifierMessages.GetTypeName(type), earlier));
                continue;
            }

            seen.Add(canonical, j + 1);

            // The value goes as entered: the coordinator normalises it again with the same rules.
            yield return new IdentifierInput { Type = ToWire(type), Value = identifier.Value };
        }
    }

    /// <summary>Converts to the wire enum; the numeric values are equal by design.</summary>
    public static Protocol.V1.IdentifierType ToWire(IdentifierType type) => (Protocol.V1.IdentifierType)(int)type;

    private static string Place(string label, int number) =>
        string.IsNullOrWhiteSpace(label)
            ? Messages.Format(SignalStrings.SubjectPlaceWithoutLabel, number)
            : Messages.Format(SignalStrings.SubjectPlace, label.Trim(), number);

    private static string Position(string place, int number, long? line) =>
        line is { } csvLine
            ? Messages.Format(SignalStrings.IdentifierPositionWithLine, place, number, csvLine)
            : Messages.Format(SignalStrings.IdentifierPosition, place, number);
}
