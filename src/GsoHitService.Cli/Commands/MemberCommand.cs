using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso member new</c> and <c>gso member export-public</c>: personal signing keys of kerngroep members.
/// </summary>
internal static class MemberCommand
{
    internal static Command Create()
    {
        var command = new Command("member", DecisionStrings.MemberCommandDescription);
        command.Subcommands.Add(CreateNew());
        command.Subcommands.Add(CreateExportPublic());
        return command;
    }

    /// <summary>The <c>--wachtwoordbestand</c> option, shared with <c>gso decision sign</c>.</summary>
    internal static Option<string> CreatePasswordFileOption() => new("--wachtwoordbestand")
    {
        Description = DecisionStrings.PasswordFileOptionDescription,
        HelpName = HelpNameStrings.File,
    };

    private static Command CreateNew()
    {
        var idOption = new Option<string>("--id") { Description = DecisionStrings.MemberIdOptionDescription, HelpName = HelpNameStrings.MemberId, Required = true };
        var nameOption = new Option<string>("--naam") { Description = DecisionStrings.MemberNameOptionDescription, HelpName = HelpNameStrings.Name, Required = true };
        var roleOption = new Option<string>("--rol") { Description = DecisionStrings.MemberRoleOptionDescription, HelpName = HelpNameStrings.Role, Required = true };
        var outOption = new Option<string>("--uitvoer", "--out") { Description = DecisionStrings.MemberOutOptionDescription, HelpName = HelpNameStrings.File, Required = true };
        var passwordFileOption = CreatePasswordFileOption();

        var command = new Command("new", DecisionStrings.MemberNewDescription) { idOption, nameOption, roleOption, outOption, passwordFileOption };
        command.SetAction(parseResult => DecisionCommandRunner.Run(parseResult, (output, error) =>
        {
            var path = parseResult.GetRequiredValue(outOption);
            var roleText = parseResult.GetRequiredValue(roleOption);
            if (!RoleNames.TryParse(roleText, out var role))
            {
                throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.InvalidRole, roleText));
            }

            // Names typed on some systems arrive decomposed (NFD); key files store the composed form.
            var name = parseResult.GetRequiredValue(nameOption).Normalize(System.Text.NormalizationForm.FormC);
            using var key = GenerateKey(parseResult.GetRequiredValue(idOption), name, role);

            // Checked before the password is asked for; the write itself never overwrites either.
            if (File.Exists(path))
            {
                throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.KeyFileExists, path));
            }

            var password = PasswordSource.ReadNew(parseResult.GetValue(passwordFileOption), path, error);
            DecisionFiles.WithKeyFile(path, () =>
            {
                MemberKeyFile.Write(path, key, password);
                return true;
            });

            output.WriteLine(Messages.Format(DecisionStrings.MemberCreated, path));
            output.WriteLine(Messages.Format(DecisionStrings.MemberCreatedMember, key.MemberId, key.Name, RoleNames.Display(key.Role)));
            output.WriteLine(Messages.Format(DecisionStrings.MemberCreatedFingerprint, key.PublicKeyFingerprint));
            output.WriteLine(Messages.Format(DecisionStrings.MemberCreatedNextStep, path));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateExportPublic()
    {
        var keyFileArgument = new Argument<string>("sleutelbestand") { Description = DecisionStrings.KeyFileArgumentDescription, HelpName = HelpNameStrings.KeyFile };

        var command = new Command("export-public", DecisionStrings.MemberExportPublicDescription) { keyFileArgument };
        command.SetAction(parseResult => DecisionCommandRunner.Run(parseResult, (output, _) =>
        {
            var path = parseResult.GetRequiredValue(keyFileArgument);
            var entry = DecisionFiles.WithKeyFile(path, () => MemberKeyFile.ReadRosterEntry(path));
            output.WriteLine(FormatRosterEntry(entry));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static MemberSigningKey GenerateKey(string memberId, string name, CoreTeamRole role)
    {
        try
        {
            return MemberSigningKey.Generate(memberId, name, role);
        }
        catch (ArgumentException exception) when (exception.ParamName == "memberId")
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, Messages.Format(DecisionStrings.InvalidMemberId, memberId));
        }
        catch (ArgumentException exception) when (exception.ParamName == "name")
        {
            throw new DecisionCommandException(ExitCodes.InvalidInput, DecisionStrings.InvalidMemberName);
        }
    }

    /// <summary>Formats a roster entry with the property names of the agent configuration.</summary>
    private static string FormatRosterEntry(CoreTeamMemberOptions entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(CoreTeamMemberOptions.Id), entry.Id);
            writer.WriteString(nameof(CoreTeamMemberOptions.Name), entry.Name);
            writer.WriteString(nameof(CoreTeamMemberOptions.Role), entry.Role?.ToString());
            writer.WriteString(nameof(CoreTeamMemberOptions.PublicKey), entry.PublicKey);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
