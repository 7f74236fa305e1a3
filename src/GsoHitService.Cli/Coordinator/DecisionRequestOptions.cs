using System.CommandLine;
using GsoHitService.Cli.Resources;

namespace GsoHitService.Cli.Coordinator;

/// <summary>The options that <c>gso pc1 prepare</c> and <c>gso pc2 prepare</c> share: purpose, legal basis, validity and output file.</summary>
internal sealed class DecisionRequestOptions
{
    public Option<string> Purpose { get; } = new("--doel") { Description = SignalStrings.PurposeOptionDescription, HelpName = HelpNameStrings.Text, Required = true };

    public Option<string> LegalBasis { get; } = new("--grondslag") { Description = SignalStrings.LegalBasisOptionDescription, HelpName = HelpNameStrings.Text, Required = true };

    public Option<string> ValidFrom { get; } = new("--geldig-vanaf")
    {
        Description = SignalStrings.ValidFromOptionDescription,
        HelpName = HelpNameStrings.Date,
    };

    public Option<string> ValidUntil { get; } = new("--geldig-tot")
    {
        Description = SignalStrings.ValidUntilOptionDescription,
        HelpName = HelpNameStrings.Date,
        Required = true,
    };

    public Option<string> OutputFile { get; } = new("--uitvoer")
    {
        Description = SignalStrings.OutputOptionDescription,
        HelpName = HelpNameStrings.File,
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
