using System.CommandLine;
using System.CommandLine.Invocation;

namespace GsoHitService.Cli.Help;

/// <summary>
/// Invokes a parsed command line like <see cref="ParseResult.InvokeAsync"/>, but reports parse
/// errors itself in the current UI culture. System.CommandLine 2.0.0 offers no way to replace the
/// <see cref="ParseErrorAction"/> that it picks for a command line with errors, and that action
/// writes English messages, so the check happens before invocation.
/// </summary>
internal static class LocalizedInvocation
{
    public static Task<int> InvokeLocalizedAsync(
        this ParseResult parseResult,
        InvocationConfiguration? configuration = null,
        CancellationToken cancellationToken = default)
    {
        if (parseResult.Action is ParseErrorAction)
        {
            return Task.FromResult(ReportParseErrors(parseResult, configuration));
        }

        return parseResult.InvokeAsync(configuration, cancellationToken);
    }

    public static int InvokeLocalized(this ParseResult parseResult, InvocationConfiguration? configuration = null)
    {
        if (parseResult.Action is ParseErrorAction)
        {
            return ReportParseErrors(parseResult, configuration);
        }

        return parseResult.Invoke(configuration);
    }

    private static int ReportParseErrors(ParseResult parseResult, InvocationConfiguration? configuration)
    {
        var error = (configuration ?? new InvocationConfiguration()).Error;
        foreach (var message in ParseErrorMessages.Describe(parseResult))
        {
            error.WriteLine(message);
        }

        error.WriteLine(ParseErrorMessages.HelpHint(parseResult));
        return ExitCodes.UsageError;
    }
}
