using System.CommandLine;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Coordinator;

/// <summary>The options that <c>gso pc1 prepare</c> and <c>gso pc2 prepare</c> share: purpose, legal basis, validity and output file.</summary>
internal sealed class DecisionRequestOptions
{
    public Option<string> Purpose { get; } = new("--doel") { Description = SignalStrings.PurposeOptionDescription, Required = true };

    public Option<string> LegalBasis { get; } = new("--grondslag") { Description = SignalStrings.LegalBasisOptionDescription, Required = true };

    public Option<string> ValidFrom { get; } = new("--geldig-vanaf")
    {
        Description = SignalStrings.ValidFromOptionDescription,
        HelpName = SignalStrings.DateHelpName,
    };

    public Option<string> ValidUntil { get; } = new("--geldig-tot")
    {
        Description = SignalStrings.ValidUntilOptionDescription,
        HelpName = SignalStrings.DateHelpName,
        Required = true,
    };

    public Option<string> OutputFile { get; } = new("--uitvoer")
    {
        Description = SignalStrings.OutputOptionDescription,
        HelpName = CoordinatorStrings.FileHelpName,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Purpose);
        command.Options.Add(LegalBasis);
        command.Options.Add(ValidFrom);
        command.Options.Add(ValidUntil);
        command.Options.Add(OutputFile);
    }
}
