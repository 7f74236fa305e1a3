using System.Globalization;
using System.Resources;

namespace GsoHitService.Coordinator.Queries;

/// <summary>
/// Builds the stored reason of a department outcome: the stable code, a colon and the Dutch
/// explanation, with operator detail in brackets, for example
/// <c>deadline-exceeded: De agent antwoordde niet op tijd, … (gRPC DeadlineExceeded)</c>.
/// </summary>
/// <remarks>
/// The text is stored with the query and read later by clients of any language, so it is always
/// the Dutch (neutral) text. A client that wants another language translates by the code.
/// </remarks>
internal static class OutcomeReason
{
    /// <summary>Longest operator detail kept in a reason, in characters.</summary>
    private const int MaxDetailLength = 500;

    private static readonly ResourceManager Resources =
        new("GsoHitService.Coordinator.Resources.OutcomeReasons", typeof(OutcomeReason).Assembly);

    /// <summary>Formats a reason. The detail must not contain identifiers; agent status messages name kinds and counts only.</summary>
    public static string Format(string code, string? detail = null)
    {
        var text = Resources.GetString(code, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"The resource '{code}' is missing from OutcomeReasons.resx.");

        if (string.IsNullOrWhiteSpace(detail))
        {
            return $"{code}: {text}";
        }

        // The detail may come from an agent's status message; control characters could forge lines in a log or a terminal.
        var clean = string.Create(detail.Length, detail, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        var trimmed = clean.Length > MaxDetailLength ? clean[..MaxDetailLength] + "…" : clean;
        return $"{code}: {text} ({trimmed})";
    }
}
