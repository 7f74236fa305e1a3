using System.CommandLine;
using System.CommandLine.Invocation;

namespace GsoHitService.Cli.Help;

/// <summary>
/// Action of the <c>--help</c> option: writes the help of the command it was given on, with
/// headings and labels from the current UI culture.
/// </summary>
internal sealed class LocalizedHelpAction : SynchronousCommandLineAction
{
    /// <summary>
    /// Help is still shown when the rest of the command line is incomplete, for example
    /// <c>gso normalize --help</c> without a value, as with the built-in help action.
    /// </summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var writer = new HelpTextWriter(output, HelpWidth.For(output));
        writer.Write(parseResult.CommandResult.Command);
        return ExitCodes.Success;
    }
}
