using System.Text;
using GsoHitService.Cli.Resources;
using GsoHitService.Decisions.Keys;

namespace GsoHitService.Cli.Decisions;

/// <summary>
/// Gets a key file password: from <c>--wachtwoordbestand</c>, else from the environment variable
/// <see cref="EnvironmentVariable"/>, else from a prompt on the terminal without echo.
/// </summary>
internal static class PasswordSource
{
    /// <summary>Environment variable with the key file password, for scripts.</summary>
    public const string EnvironmentVariable = "GSO_MEMBER_KEY_PASSWORD";

    /// <summary>Gets the password of an existing key file.</summary>
    public static string ReadExisting(string? passwordFile, string keyFile, TextWriter prompt) =>
        ReadFromFileOrEnvironment(passwordFile) ?? Prompt(Messages.Format(DecisionStrings.PasswordPrompt, keyFile), prompt);

    /// <summary>Gets the password for a new key file: asked twice on a terminal, and at least the minimum length.</summary>
    public static string ReadNew(string? passwordFile, string keyFile, TextWriter prompt)
    {
        var password = ReadFromFileOrEnvironment(passwordFile);
        if (password is null)
        {
            password = Prompt(Messages.Format(DecisionStrings.PasswordPrompt, keyFile), prompt);
            if (password.Length >= MemberKeyFile.MinPasswordLength
                && password != Prompt(DecisionStrings.PasswordRepeatPrompt, prompt))
            {
                throw new DecisionCommandException(ExitCodes.InvalidInput, DecisionStrings.PasswordsDiffer);
            }
        }

        if (password.Length < MemberKeyFile.MinPasswordLength)
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.PasswordTooShort, MemberKeyFile.MinPasswordLength));
        }

        return password;
    }

    private static string? ReadFromFileOrEnvironment(string? passwordFile)
    {
        if (passwordFile is not null)
        {
            return ReadPasswordFile(passwordFile);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(fromEnvironment) ? null : fromEnvironment;
    }

    private static string ReadPasswordFile(string path)
    {
        string? firstLine;
        try
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & WiderThanOwner) != 0)
            {
                throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.PasswordFileTooWide, path));
            }

            using var reader = new StreamReader(path, Encoding.UTF8);
            firstLine = reader.ReadLine();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.PasswordFileUnreadable, path));
        }

        if (string.IsNullOrEmpty(firstLine))
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.PasswordFileEmpty, path));
        }

        return firstLine;
    }

    private const UnixFileMode WiderThanOwner =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // NOTE: the prompt reads keys from the console directly; the tests cover the file and
    // environment sources only.
    private static string Prompt(string text, TextWriter prompt)
    {
        if (Console.IsInputRedirected)
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, DecisionStrings.PasswordUnavailable);
        }

        prompt.Write(text);
        prompt.Flush();

        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return password.ToString();
    }
}
