using System.CommandLine;

namespace GsoHitService.Cli.Help;

/// <summary>The command as a user types it, such as <c>gso pki dev-ca</c>.</summary>
internal static class CommandPath
{
    /// <summary>
    /// Name shown for the root command. <see cref="RootCommand"/> takes its name from the running
    /// executable, which is a test host or <c>dotnet</c> when gso runs in-process.
    /// </summary>
    public const string ToolName = "gso";

    /// <summary>Returns the commands from the root down to <paramref name="command"/>.</summary>
    public static IReadOnlyList<Command> Chain(Command command)
    {
        var chain = new List<Command>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            chain.Add(current);
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>Returns the names from the root down to <paramref name="command"/>, separated by spaces.</summary>
    public static string Of(Command command) =>
        string.Join(' ', Chain(command).Select(DisplayName));

    /// <summary>Returns the name of <paramref name="command"/>, or <see cref="ToolName"/> for the root.</summary>
    public static string DisplayName(Command command) =>
        command.Parents.OfType<Command>().Any() ? command.Name : ToolName;
}
