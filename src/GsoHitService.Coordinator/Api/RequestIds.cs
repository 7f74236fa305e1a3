using GsoHitService.Coordinator.Domain;
using GsoHitService.Protocol;

namespace GsoHitService.Coordinator.Api;

/// <summary>Parses ids from requests; a malformed or missing id is refused as INVALID_ARGUMENT naming the field.</summary>
internal static class RequestIds
{
    public static SignalId Signal(string value, string field = "signal_id") => new(Require(value, field));

    public static DecisionId Decision(string value, string field = "decision_id") => new(Require(value, field));

    public static HitQueryId Query(string value, string field = "query_id") => new(Require(value, field));

    public static CaseId Case(string value, string field = "case_id") => new(Require(value, field));

    public static SubjectId Subject(string value, string field = "subject_ids") => new(Require(value, field));

    /// <summary>Returns null for an empty value, else parses it.</summary>
    public static T? Optional<T>(string value, Func<string, T> parse)
        where T : struct => string.IsNullOrEmpty(value) ? null : parse(value);

    private static string Require(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw RequestRefusedException.InvalidArgument(CoordinatorErrorCodes.ReasonInvalidRequest, $"The request has no {field}.");
        }

        // The id types accept 1 to 100 ASCII letters, digits and -_.: only, so a checked id is safe to show.
        try
        {
            _ = new SignalId(value);
        }
        catch (ArgumentException)
        {
            throw RequestRefusedException.InvalidArgument(
                CoordinatorErrorCodes.ReasonInvalidRequest,
                $"The {field} is not a valid id: 1 to 100 ASCII letters, digits, '-', '_', '.' or ':'.");
        }

        return value;
    }
}
