using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using GsoHitService.Matching;

namespace GsoHitService.Cli.Tests.Decisions;

/// <summary>
/// A kerngroep made with the real commands: one key file per role (created with
/// <c>gso member new</c>), a password file and a roster file built from <c>gso member export-public</c>.
/// </summary>
public sealed class KerngroepFixture : IDisposable
{
    public const string Password = "wachtwoord voor de test";

    public KerngroepFixture()
    {
        Folder = Directory.CreateTempSubdirectory("gso-cli-decisions-").FullName;
        PasswordFile = Path.Combine(Folder, "wachtwoord.txt");
        File.WriteAllText(PasswordFile, Password + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var entries = new List<string>();
        foreach (var (id, name, role) in Members)
        {
            var keyFile = KeyFile(id);
            var (exitCode, output, error) = CliRunner.Run("member", "new", "--id", id, "--naam", name, "--rol", role, "--uitvoer", keyFile, "--wachtwoordbestand", PasswordFile);
            NewMemberOutputs[id] = (exitCode, output, error);

            var export = CliRunner.Run("member", "export-public", keyFile);
            entries.Add(export.Output);
        }

        RosterFile = Path.Combine(Folder, "ledenlijst.json");
        File.WriteAllText(RosterFile, $$"""{ "Members": [ {{string.Join(",", entries)}} ] }""");
    }

    public static (string Id, string Name, string Role)[] Members { get; } =
    [
        ("voorzitter-1", "Anna de Voorzitter", "voorzitter"),
        ("ic-1", "Bram Coördinator", "informatiecoördinator"),
        ("jurist-1", "Carla Jurist", "jurist"),
        ("po-1", "Dirk Privacy", "privacy-officer"),
    ];

    public string Folder { get; }

    public string PasswordFile { get; }

    public string RosterFile { get; }

    public Dictionary<string, (int ExitCode, string Output, string Error)> NewMemberOutputs { get; } = [];

    public string KeyFile(string memberId) => Path.Combine(Folder, $"{memberId}.key");

    /// <summary>Writes a new unsigned decision file and returns its path.</summary>
    public string WriteDecision(Decision decision)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.besluit.json");
        DecisionFile.Write(path, SignedDecision.Create(decision));
        return path;
    }

    /// <summary>Signs a decision file with the library, bypassing the command's checks.</summary>
    public void SignDirectly(string path, string memberId)
    {
        using var key = MemberKeyFile.Read(KeyFile(memberId), Password);
        var signed = DecisionFile.Read(path);
        DecisionFile.Write(path, signed.WithSignature(key.Sign(signed.Payload.Span)));
    }

    public static ValidityPeriod ValidNow() => new(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7));

    public static SubjectToken Token(IdentifierType type) =>
        new(type, new MatchToken(System.Security.Cryptography.RandomNumberGenerator.GetBytes(MatchToken.Length)));

    public static PrivacyCheck1Decision PrivacyCheck1(ValidityPeriod? validity = null) => PrivacyCheck1Decision.Create(
        "pc1-2026-0042",
        "signaal-42",
        validity ?? ValidNow(),
        "Nagaan of betrokkenen bekend zijn bij de afdelingen.\nAlleen hit/geen hit.",
        "Art. 6 lid 1 onder e AVG",
        new TokenContext(1, "nl-1", "2026-12"),
        new Dictionary<string, IReadOnlyCollection<SubjectToken>>
        {
            ["brp"] = [Token(IdentifierType.Bsn), Token(IdentifierType.Bsn), Token(IdentifierType.Bsn)],
            ["vergunningen"] = [Token(IdentifierType.KvkNumber)],
        });

    public static PrivacyCheck2Decision PrivacyCheck2(ValidityPeriod? validity = null) => new()
    {
        DecisionId = "pc2-2026-0007",
        CaseId = "casus-7",
        Department = "vergunningen",
        Validity = validity ?? ValidNow(),
        Purpose = "Beeldvorming in het casusoverleg.",
        LegalBasis = "Art. 6 lid 1 onder e AVG",
        TokenContext = new TokenContext(1, "nl-1", "2026-12"),
        Subjects = [new ReleaseSubject("betrokkene-a", [Token(IdentifierType.Bsn), Token(IdentifierType.Address)])],
        Fields = ["vergunningsoort", "datum-verleend"],
        Recipients = ["casus-lid-1"],
    };

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
