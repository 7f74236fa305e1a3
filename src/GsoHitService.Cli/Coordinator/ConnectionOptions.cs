using System.CommandLine;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// The options that every command talking to the coordinator accepts: address, client
/// certificate, CA, settings file and timeout. Each command gets its own instances.
/// </summary>
internal sealed class ConnectionOptions
{
    public Option<string> Address { get; } = new("--coordinator")
    {
        Description = CoordinatorStrings.AddressOptionDescription,
        HelpName = HelpNameStrings.Address,
    };

    public Option<string> Certificate { get; } = new("--certificaat")
    {
        Description = CoordinatorStrings.CertificateOptionDescription,
        HelpName = HelpNameStrings.File,
    };

    public Option<string> Key { get; } = new("--sleutel")
    {
        Description = CoordinatorStrings.KeyOptionDescription,
        HelpName = HelpNameStrings.File,
    };

    public Option<string> CertificatePasswordFile { get; } = new("--certificaatwachtwoord")
    {
        Description = CoordinatorStrings.CertificatePasswordOptionDescription,
        HelpName = HelpNameStrings.File,
    };

    public Option<string> Ca { get; } = new("--ca")
    {
        Description = CoordinatorStrings.CaOptionDescription,
        HelpName = HelpNameStrings.File,
    };

    public Option<string> ConfigFile { get; } = new("--config")
    {
        Description = CoordinatorStrings.ConfigOptionDescription,
        HelpName = HelpNameStrings.File,
    };

    public Option<int?> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = CoordinatorStrings.TimeoutOptionDescription,
        HelpName = HelpNameStrings.Seconds,
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Address);
        command.Options.Add(Certificate);
        command.Options.Add(Key);
        command.Options.Add(CertificatePasswordFile);
        command.Options.Add(Ca);
        command.Options.Add(ConfigFile);
        command.Options.Add(TimeoutSeconds);
    }

    public ConnectionInput Read(ParseResult parseResult) => new(
        parseResult.GetValue(Address),
        parseResult.GetValue(Certificate),
        parseResult.GetValue(Key),
        parseResult.GetValue(CertificatePasswordFile),
        parseResult.GetValue(Ca),
        parseResult.GetValue(ConfigFile),
        parseResult.GetValue(TimeoutSeconds));
}
