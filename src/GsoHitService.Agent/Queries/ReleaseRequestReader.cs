using GsoHitService.Decisions;
using GsoHitService.Matching;

namespace GsoHitService.Agent.Queries;

/// <summary>
/// Checks the subjects and fields of a content release as they arrived and turns them into a
/// <see cref="RequestedRelease"/>. Only the shape is checked here; whether a decision approves
/// them is the authorizer's job.
/// </summary>
internal static class ReleaseRequestReader
{
    /// <summary>Longest subject reference or field name, in characters.</summary>
    internal const int MaxNameLength = 128;

    /// <summary>A requested subject as it arrived: its reference and its probe groups (wire type, concatenated tokens).</summary>
    internal sealed record RawSubject(string SubjectRef, IReadOnlyList<(int WireType, ReadOnlyMemory<byte> Tokens)> Groups);

    /// <exception cref="QueryRefusedException">The request is malformed (<see cref="QueryRefusalReason.InvalidRequest"/>).</exception>
    public static RequestedRelease Read(IReadOnlyList<RawSubject> subjects, IReadOnlyList<string> fields, IReadOnlySet<string> releasableFields)
    {
        if (subjects.Count == 0)
        {
            throw Invalid("The release names no subjects; send the subjects of the privacy check 2 decision with their match tokens.");
        }

        if (fields.Count == 0)
        {
            throw Invalid("The release names no fields; send the fields of the privacy check 2 decision.");
        }

        var releaseSubjects = new List<ReleaseSubject>(subjects.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            var position = releaseSubjects.Count + 1;
            CheckName(subject.SubjectRef, $"The reference of subject {position}");
            if (!seen.Add(subject.SubjectRef))
            {
                throw Invalid($"Subject {position} repeats the reference of an earlier subject; name each subject once.");
            }

            releaseSubjects.Add(new ReleaseSubject(subject.SubjectRef, ReadTokens(subject.Groups, position)));
        }

        var fieldSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            CheckName(field, "A field name");
            if (!fieldSet.Add(field))
            {
                throw Invalid($"The field {field} is named twice; name each field once.");
            }

            // Checked before the decision is used, so that a decision with a misspelt field can
            // still be corrected and signed again without burning its single use.
            if (!releasableFields.Contains(field))
            {
                throw Invalid($"The field {field} is not releasable at this department. Releasable fields: {string.Join(", ", releasableFields.Order(StringComparer.Ordinal))}.");
            }
        }

        return new RequestedRelease(releaseSubjects, [.. fields]);
    }

    private static SubjectToken[] ReadTokens(IReadOnlyList<(int WireType, ReadOnlyMemory<byte> Tokens)> groups, int position)
    {
        if (groups.Count == 0)
        {
            throw Invalid($"Subject {position} carries no match tokens; send the tokens that the privacy check 2 decision names for it.");
        }

        var tokens = new List<SubjectToken>();
        foreach (var (wireType, bytes) in groups)
        {
            if (!IdentifierTypes.IsDefined(wireType, out var type))
            {
                throw Invalid($"Subject {position} has tokens of identifier type {wireType}, which is not a defined identifier type.");
            }

            if (bytes.Length == 0 || bytes.Length % MatchToken.Length != 0)
            {
                throw Invalid($"Subject {position} carries {bytes.Length} bytes of {IdentifierTypes.ToName(type.Value)} tokens; the length must be a non-zero multiple of {MatchToken.Length}.");
            }

            tokens.AddRange(SubjectToken.FromConcatenated(type.Value, bytes.Span));
        }

        return [.. tokens];
    }

    private static void CheckName(string name, string what)
    {
        if (name.Length is 0 or > MaxNameLength || !name.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or ':' or '-'))
        {
            throw Invalid($"{what} must be 1 to {MaxNameLength} characters: letters, digits, '.', '_', ':' or '-'.");
        }
    }

    private static QueryRefusedException Invalid(string message) => new(QueryRefusalReason.InvalidRequest, message);
}
