using System.CommandLine;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso decision show | sign | verify</c>: the kerngroep members' side of signed decisions.
/// </summary>
internal static class DecisionCommand
{
    internal static Command Create()
    {
        var command = new Command("decision", DecisionStrings.DecisionCommandDescription);
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateSign());
        command.Subcommands.Add(CreateVerify());
        command.Subcommands.Add(DecisionSubmitCommand.Create());
        return command;
    }

    private static Argument<string> CreateFileArgument() => new("besluitbestand") { Description = DecisionStrings.DecisionFileArgumentDescription, HelpName = HelpNameStrings.DecisionFile };

    private static Command CreateShow()
    {
        var fileArgument = CreateFileArgument();

        var command = new Command("show", DecisionStrings.DecisionShowDescription) { fileArgument };
        command.SetAction(parseResult => DecisionCommandRunner.Run(parseResult, (output, _) =>
        {
            var (signed, decision) = DecisionFiles.LoadDecision(parseResult.GetRequiredValue(fileArgument));
            DecisionRenderer.Render(decision, signed.Signatures, output);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateSign()
    {
        var fileArgument = CreateFileArgument();
        var keyOption = new Option<string>("--sleutel") { Description = DecisionStrings.SignKeyOptionDescription, HelpName = HelpNameStrings.File, Required = true };
        var passwordFileOption = MemberCommand.CreatePasswordFileOption();

        var command = new Command("sign", DecisionStrings.DecisionSignDescription) { fileArgument, keyOption, passwordFileOption };
        command.SetAction(parseResult => DecisionCommandRunner.Run(parseResult, (output, error) =>
        {
            var path = parseResult.GetRequiredValue(fileArgument);
            var keyPath = parseResult.GetRequiredValue(keyOption);
            var (signed, decision) = DecisionFiles.LoadDecision(path);
            if (TimeProvider.System.GetUtcNow() >= decision.Validity.Until)
            {
                throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.SignExpired, DecisionRenderer.FormatTime(decision.Validity.Until)));
            }

            // The member sees what is signed before the password is asked for.
            output.WriteLine(DecisionStrings.SignIntroduction);
            output.WriteLine();
            DecisionRenderer.Render(decision, signed.Signatures, output);
            output.WriteLine();
            output.Flush();

            DecisionFiles.WithKeyFile(keyPath, () => MemberKeyFile.ReadRosterEntry(keyPath));
            var password = PasswordSource.ReadExisting(parseResult.GetValue(passwordFileOption), keyPath, error);
            using var key = DecisionFiles.WithKeyFile(keyPath, () => MemberKeyFile.Read(keyPath, password));
            var signature = key.Sign(signed.Payload.Span);

            var earlier = signed.Signatures.Where(existing => existing.MemberId == key.MemberId).ToArray();
            if (earlier.Length == 1 && earlier[0].Signature.Span.SequenceEqual(signature.Signature.Span))
            {
                output.WriteLine(Messages.Format(DecisionStrings.AlreadySigned, key.MemberId));
                return ExitCodes.Success;
            }

            var updated = signed.WithSignature(signature);
            DecisionFiles.SaveDecision(path, updated);
            if (earlier.Length > 0)
            {
                output.WriteLine(DecisionStrings.SignatureReplaced);
            }

            output.WriteLine(Messages.FormatCount(
                updated.Signatures.Count, DecisionStrings.SignedSingular, DecisionStrings.SignedPlural, key.MemberId, RoleNames.Display(key.Role), updated.Signatures.Count));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateVerify()
    {
        var fileArgument = CreateFileArgument();
        var rosterOption = new Option<string>("--ledenlijst", "--roster") { Description = DecisionStrings.RosterOptionDescription, HelpName = HelpNameStrings.File, Required = true };

        var command = new Command("verify", DecisionStrings.DecisionVerifyDescription) { fileArgument, rosterOption };
        command.SetAction(parseResult => DecisionCommandRunner.Run(parseResult, (output, _) =>
        {
            var rosterPath = parseResult.GetRequiredValue(rosterOption);
            var roster = RosterFile.Load(rosterPath);
            var (signed, decision) = DecisionFiles.LoadDecision(parseResult.GetRequiredValue(fileArgument));
            var check = roster.CheckSignatures(signed, decision.Kind);

            DecisionRenderer.Render(decision, signed.Signatures, output);
            output.WriteLine();
            WriteSignatureCheck(check, rosterPath, output);
            return WriteOutcome(check, decision, output);
        }));
        return command;
    }

    private static void WriteSignatureCheck(SignatureCheckResult check, string rosterPath, TextWriter output)
    {
        output.WriteLine(Messages.Format(DecisionStrings.VerifyHeader, rosterPath));
        if (check.Signatures.Count == 0)
        {
            output.WriteLine("  " + DecisionStrings.NoSignatures);
        }

        foreach (var outcome in check.Signatures)
        {
            var line = outcome.State switch
            {
                SignatureState.Valid => Messages.Format(DecisionStrings.SignatureValid, outcome.MemberId, outcome.Member!.Name, RoleNames.Display(outcome.Member.Role)),
                SignatureState.InvalidSignature => Messages.Format(DecisionStrings.SignatureInvalid, outcome.MemberId, outcome.Member!.Name, RoleNames.Display(outcome.Member.Role)),
                SignatureState.UnknownSigner => Messages.Format(DecisionStrings.SignatureUnknown, outcome.MemberId),
                _ => Messages.Format(DecisionStrings.SignatureDuplicate, outcome.MemberId),
            };
            output.WriteLine("  " + line);
        }

        var roles = string.Join(", ", check.Policy.RequiredRoles.Select(RoleNames.Display));
        output.WriteLine(check.Policy.RequiredRoles.Count == 0
            ? Messages.Format(DecisionStrings.ThresholdLineNoRoles, check.Policy.MinimumSigners)
            : Messages.Format(DecisionStrings.ThresholdLine, check.Policy.MinimumSigners, roles));
        if (check.MissingRoles.Count > 0)
        {
            output.WriteLine(Messages.Format(DecisionStrings.MissingRolesLine, string.Join(", ", check.MissingRoles.Select(RoleNames.Display))));
        }
    }

    private static int WriteOutcome(SignatureCheckResult check, Decision decision, TextWriter output)
    {
        if (!check.IsValid)
        {
            var reason = check.Status switch
            {
                DecisionVerificationStatus.UnknownSigner => DecisionStrings.ReasonUnknownSigner,
                DecisionVerificationStatus.InvalidSignature => DecisionStrings.ReasonInvalidSignature,
                DecisionVerificationStatus.DuplicateSigner => DecisionStrings.ReasonDuplicateSigner,
                _ => DecisionStrings.ReasonThresholdNotMet,
            };
            output.WriteLine(Messages.Format(DecisionStrings.VerifyFailed, reason));
            return ExitCodes.Failure;
        }

        var now = TimeProvider.System.GetUtcNow();
        if (now >= decision.Validity.Until)
        {
            output.WriteLine(Messages.Format(DecisionStrings.VerifyExpired, DecisionRenderer.FormatTime(decision.Validity.Until)));
            return ExitCodes.Failure;
        }

        output.WriteLine(Messages.Format(DecisionStrings.VerifyValid, DecisionRenderer.FormatTime(decision.Validity.Until)));
        if (now < decision.Validity.From)
        {
            output.WriteLine(Messages.Format(DecisionStrings.VerifyNotYetValid, DecisionRenderer.FormatTime(decision.Validity.From)));
        }

        return ExitCodes.Success;
    }
}
