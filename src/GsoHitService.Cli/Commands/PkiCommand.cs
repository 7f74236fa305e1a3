using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using GsoHitService.Cli.Resources;
using GsoHitService.Hosting;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso pki dev-ca --out FOLDER [--agent NAME]...</c>: writes a development CA certificate, a
/// client certificate for the coordinator and a server certificate per agent, as PEM files.
/// </summary>
internal static partial class PkiCommand
{
    private const string CoordinatorCommonName = "coordinator";
    private const string CaFileName = "ca.crt.pem";
    private const string ClientCertificateFileName = "coordinator-client.crt.pem";
    private const string ClientKeyFileName = "coordinator-client.key.pem";

    internal static Command Create()
    {
        var folder = new Option<DirectoryInfo>("--out") { Description = PkiStrings.OutDescription, HelpName = HelpNameStrings.Folder, Required = true };
        var agents = new Option<string[]>("--agent")
        {
            Description = PkiStrings.AgentDescription,
            HelpName = HelpNameStrings.Name,
            DefaultValueFactory = _ => ["brp"],
            AllowMultipleArgumentsPerToken = false,
        };

        var devCa = new Command("dev-ca", PkiStrings.DevCaDescription) { folder, agents };
        devCa.SetAction(parseResult => WriteDevelopmentCa(
            parseResult.GetValue(folder)!,
            parseResult.GetValue(agents) ?? [],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));

        return new Command("pki", PkiStrings.PkiDescription) { devCa };
    }

    private static int WriteDevelopmentCa(DirectoryInfo folder, string[] agentNames, TextWriter output, TextWriter error)
    {
        var invalid = agentNames.FirstOrDefault(name => !AgentName().IsMatch(name));
        if (invalid is not null)
        {
            error.WriteLine(Format(PkiStrings.InvalidAgentName, invalid));
            return ExitCodes.InvalidInput;
        }

        var agents = agentNames.Distinct(StringComparer.Ordinal).ToArray();
        var files = new[] { CaFileName, ClientCertificateFileName, ClientKeyFileName, PkiStrings.ReadmeFileName }
            .Concat(agents.SelectMany(agent => new[] { ServerCertificateFileName(agent), ServerKeyFileName(agent) }))
            .Select(name => Path.Combine(folder.FullName, name))
            .ToArray();

        // Checked before anything is written, so that a refusal leaves the folder as it was.
        var existing = files.FirstOrDefault(File.Exists);
        if (existing is not null)
        {
            error.WriteLine(Format(PkiStrings.FileExists, existing));
            return ExitCodes.Failure;
        }

        try
        {
            Directory.CreateDirectory(folder.FullName);
            Write(folder.FullName, agents, output);
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(Format(PkiStrings.WriteFailed, folder.FullName, exception.Message));
            return ExitCodes.Failure;
        }
    }

    private static void Write(string folder, string[] agents, TextWriter output)
    {
        using var authority = DevelopmentCertificateAuthority.Create();
        using var caCertificate = authority.Certificate;
        using var client = authority.IssueClientCertificate(CoordinatorCommonName);

        output.WriteLine(PkiStrings.Warning);
        output.WriteLine(Format(PkiStrings.Written, folder));

        CertificateFiles.WritePem(caCertificate, Path.Combine(folder, CaFileName));
        WriteLine(output, CaFileName, PkiStrings.FileCa);

        CertificateFiles.WritePem(client, Path.Combine(folder, ClientCertificateFileName), Path.Combine(folder, ClientKeyFileName));
        WriteLine(output, ClientCertificateFileName, Format(PkiStrings.FileClientCertificate, CoordinatorCommonName, Sha256(client)));
        WriteLine(output, ClientKeyFileName, PkiStrings.FilePrivateKey);

        foreach (var agent in agents)
        {
            using var server = authority.IssueServerCertificate($"agent-{agent}");
            CertificateFiles.WritePem(server, Path.Combine(folder, ServerCertificateFileName(agent)), Path.Combine(folder, ServerKeyFileName(agent)));
            WriteLine(output, ServerCertificateFileName(agent), Format(PkiStrings.FileServerCertificate, agent, Sha256(server)));
            WriteLine(output, ServerKeyFileName(agent), PkiStrings.FilePrivateKey);
        }

        var readme = Format(
            PkiStrings.ReadmeText,
            DateTimeOffset.UtcNow,
            ServerCertificateFileName(agents.FirstOrDefault() ?? "brp"),
            ServerKeyFileName(agents.FirstOrDefault() ?? "brp"),
            CaFileName,
            CoordinatorCommonName,
            ClientCertificateFileName,
            ClientKeyFileName);
        File.WriteAllText(Path.Combine(folder, PkiStrings.ReadmeFileName), readme);
        output.WriteLine(PkiStrings.CaKeyNotKept);
    }

    private static void WriteLine(TextWriter output, string file, string description) =>
        output.WriteLine($"  {file,-34} {description}");

    private static string ServerCertificateFileName(string agent) => $"agent-{agent}.crt.pem";

    private static string ServerKeyFileName(string agent) => $"agent-{agent}.key.pem";

    private static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    private static string Format(string format, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, format, arguments);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AgentName();
}
