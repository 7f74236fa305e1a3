using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GsoHitService.Cli.Decisions;

/// <summary>
/// Reads a roster for <c>gso decision verify</c> with the same configuration binding as an agent:
/// either a whole appsettings.json with a <c>CoreTeam</c> section, or that section's contents.
/// </summary>
internal static class RosterFile
{
    public static CoreTeamRoster Load(string path)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.RosterNotFound, path));
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw Invalid(path, [exception.Message]);
        }

        var section = configuration.GetSection(CoreTeamOptions.SectionName);
        IConfiguration source = section.Exists() ? section : configuration;
        try
        {
            var options = new CoreTeamOptions();
            source.Bind(options);
            return CoreTeamRoster.Create(options);
        }
        catch (OptionsValidationException exception)
        {
            throw Invalid(path, exception.Failures);
        }
        catch (InvalidOperationException exception)
        {
            // The binder throws this for a value it cannot convert, such as an unknown role.
            throw Invalid(path, [exception.Message]);
        }
    }

    private static DecisionCommandException Invalid(string path, IEnumerable<string> failures)
    {
        // The failures name configuration keys; they stay in English, like the agent's start-up log.
        var lines = failures.Select(failure => $"  {failure}").Prepend(Messages.Format(DecisionStrings.RosterInvalid, path));
        return new DecisionCommandException(ExitCodes.InvalidInput, string.Join(Environment.NewLine, lines));
    }
}
