using GsoHitService.Decisions;

namespace GsoHitService.Cli.Tests.Decisions;

public sealed class DecisionCommandTests(KerngroepFixture kerngroep) : IClassFixture<KerngroepFixture>
{
    private (int ExitCode, string Output, string Error) Sign(string path, string memberId) =>
        CliRunner.Run("decision", "sign", path, "--sleutel", kerngroep.KeyFile(memberId), "--wachtwoordbestand", kerngroep.PasswordFile);

    private (int ExitCode, string Output, string Error) Verify(string path, string? roster = null) =>
        CliRunner.Run("decision", "verify", path, "--ledenlijst", roster ?? kerngroep.RosterFile);

    [Fact]
    public void Show_PrivacyCheck1_PrintsSummaryInDutch()
    {
        var decision = KerngroepFixture.PrivacyCheck1();
        var path = kerngroep.WriteDecision(decision);

        var (exitCode, output, error) = CliRunner.Run("decision", "show", path);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Besluit privacycheck 1", output, StringComparison.Ordinal);
        Assert.Contains("Besluit-id:", output, StringComparison.Ordinal);
        Assert.Contains("signaal-42", output, StringComparison.Ordinal);
        Assert.Contains("Verwerkingsgrondslag:", output, StringComparison.Ordinal);
        Assert.Contains("Art. 6 lid 1 onder e AVG", output, StringComparison.Ordinal);
        Assert.Contains("Alleen hit/geen hit.", output, StringComparison.Ordinal);
        Assert.Contains("bsn, kvk", output, StringComparison.Ordinal);
        Assert.Contains("Afdelingen (2)", output, StringComparison.Ordinal);
        Assert.Contains("brp: 3 matchtokens", output, StringComparison.Ordinal);
        Assert.Contains("sleutelperiode 2026-12", output, StringComparison.Ordinal);
        Assert.Contains("Ondertekend door:", output, StringComparison.Ordinal);
        Assert.Contains("nog niemand", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Digests_AreShortened()
    {
        var decision = KerngroepFixture.PrivacyCheck1();
        var path = kerngroep.WriteDecision(decision);

        var (_, output, _) = CliRunner.Run("decision", "show", path);

        Assert.DoesNotContain(decision.Departments[0].Subjects.ToHex(), output, StringComparison.Ordinal);
        Assert.Contains(decision.FindDepartment("brp")!.Subjects.ToShortString(), output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_PrivacyCheck2_PrintsFieldsSubjectsAndRecipients()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck2());

        var (exitCode, output, _) = CliRunner.Run("decision", "show", path);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Besluit privacycheck 2", output, StringComparison.Ordinal);
        Assert.Contains("casus-7", output, StringComparison.Ordinal);
        Assert.Contains("Afdeling:", output, StringComparison.Ordinal);
        Assert.Contains("betrokkene-a: 2 matchtokens (bsn, adres)", output, StringComparison.Ordinal);
        Assert.Contains("datum-verleend, vergunningsoort", output, StringComparison.Ordinal);
        Assert.Contains("casus-lid-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_EnglishCulture_PrintsEnglish()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck2());

        var (exitCode, output, _) = CliRunner.RunInCulture("en-GB", "decision", "show", path);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Privacy check 2 decision", output, StringComparison.Ordinal);
        Assert.Contains("Fields to release:", output, StringComparison.Ordinal);
        Assert.Contains("nobody yet", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_MalformedPayload_IsInvalidInput()
    {
        var path = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.json");
        DecisionFile.Write(path, new SignedDecision(new byte[] { 1, 2, 3 }, []));

        var (exitCode, output, error) = CliRunner.Run("decision", "show", path);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("ongeldig of beschadigd", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_NotADecisionFile_IsInvalidInput()
    {
        var path = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"hallo\": 1}");

        var (exitCode, _, error) = CliRunner.Run("decision", "show", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("geen geldig besluitbestand", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_MissingFile_IsInvalidInput()
    {
        var (exitCode, _, error) = CliRunner.Run("decision", "show", Path.Combine(kerngroep.Folder, "bestaat-niet.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("bestaat niet", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_ValidDecision_ShowsDecisionThenAddsSignature()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());

        var (exitCode, output, error) = Sign(path, "po-1");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.True(output.IndexOf("U ondertekent het volgende besluit:", StringComparison.Ordinal) < output.IndexOf("Besluit-id:", StringComparison.Ordinal));
        Assert.Contains("Ondertekend door po-1 (privacy officer). Het besluit heeft nu 1 handtekening.", output, StringComparison.Ordinal);
        Assert.Equal("po-1", Assert.Single(DecisionFile.Read(path).Signatures).MemberId);
    }

    [Fact]
    public void Sign_Twice_LeavesFileUnchanged()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        Sign(path, "po-1");
        var before = File.ReadAllBytes(path);

        var (exitCode, output, _) = Sign(path, "po-1");

        Assert.Equal(0, exitCode);
        Assert.Contains("al ondertekend", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Sign_WrongPassword_IsRejectedAndFileUnchanged()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        var before = File.ReadAllBytes(path);
        var passwordFile = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.txt");
        File.WriteAllText(passwordFile, "een ander wachtwoord\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var (exitCode, _, error) = CliRunner.Run("decision", "sign", path, "--sleutel", kerngroep.KeyFile("po-1"), "--wachtwoordbestand", passwordFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("is onjuist", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Sign_ExpiredDecision_IsRejected()
    {
        var validity = new ValidityPeriod(DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow.AddMinutes(-1));
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1(validity));
        var before = File.ReadAllBytes(path);

        var (exitCode, output, error) = Sign(path, "po-1");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("verlopen", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Sign_MalformedDecision_IsRejected()
    {
        var path = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.json");
        var payload = DecisionEncoding.Encode(KerngroepFixture.PrivacyCheck1());
        DecisionFile.Write(path, new SignedDecision(payload.Concat(new byte[] { 0 }).ToArray(), []));

        var (exitCode, _, error) = Sign(path, "po-1");

        Assert.Equal(2, exitCode);
        Assert.Contains("TrailingBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_MissingKeyFile_IsRejected()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());

        var (exitCode, _, error) = Sign(path, "bestaat-niet");

        Assert.Equal(2, exitCode);
        Assert.Contains("Het sleutelbestand", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ThresholdMet_IsValid()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck2());
        Sign(path, "po-1");
        Sign(path, "jurist-1");

        var (exitCode, output, error) = Verify(path);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("geldig: po-1 (Dirk Privacy, privacy officer)", output, StringComparison.Ordinal);
        Assert.Contains("geldig: jurist-1 (Carla Jurist, jurist)", output, StringComparison.Ordinal);
        Assert.Contains("Drempel voor deze soort besluit: 2 verschillende leden, onder wie: privacy officer, jurist.", output, StringComparison.Ordinal);
        Assert.Contains("Uitkomst: geldig ondertekend", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RequiredRoleMissing_FailsNamingRole()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck2());
        Sign(path, "po-1");
        Sign(path, "voorzitter-1");

        var (exitCode, output, _) = Verify(path);

        Assert.Equal(3, exitCode);
        Assert.Contains("Handtekening ontbreekt van: jurist.", output, StringComparison.Ordinal);
        Assert.Contains("Uitkomst: niet geldig: de drempel is niet gehaald.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PrivacyOfficerAndOther_IsValid()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        Sign(path, "po-1");
        Sign(path, "ic-1");

        var (exitCode, _, _) = Verify(path);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void Verify_SignerNotInRoster_Fails()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        Sign(path, "po-1");
        Sign(path, "ic-1");
        var roster = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.json");
        var members = File.ReadAllText(kerngroep.RosterFile);
        File.WriteAllText(roster, members);
        var shortened = System.Text.Json.Nodes.JsonNode.Parse(members)!;
        shortened["Members"]!.AsArray().RemoveAt(1);
        File.WriteAllText(roster, shortened.ToJsonString());

        var (exitCode, output, _) = Verify(path, roster);

        Assert.Equal(3, exitCode);
        Assert.Contains("onbekend lid: ic-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TamperedSignature_Fails()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        Sign(path, "po-1");
        Sign(path, "ic-1");
        var signed = DecisionFile.Read(path);
        var broken = signed.Signatures[0].Signature.ToArray();
        broken[0] ^= 1;
        DecisionFile.Write(path, signed.WithSignature(new DecisionSignature("po-1", broken)));

        var (exitCode, output, _) = Verify(path);

        Assert.Equal(3, exitCode);
        Assert.Contains("ongeldige handtekening: po-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ExpiredDecision_Fails()
    {
        var validity = new ValidityPeriod(DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow.AddMinutes(-1));
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1(validity));
        kerngroep.SignDirectly(path, "po-1");
        kerngroep.SignDirectly(path, "jurist-1");

        var (exitCode, output, _) = Verify(path);

        Assert.Equal(3, exitCode);
        Assert.Contains("verlopen op", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AppSettingsFile_IsAccepted()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        Sign(path, "po-1");
        Sign(path, "ic-1");
        var appSettings = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.appsettings.json");
        File.WriteAllText(appSettings, $$"""{ "Logging": {}, "CoreTeam": {{File.ReadAllText(kerngroep.RosterFile)}} }""");

        var (exitCode, _, _) = Verify(path, appSettings);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void Verify_InvalidRoster_IsInvalidInput()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        var roster = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(roster, """{ "Members": [ { "Id": "a", "Name": "A", "Role": "Chair", "PublicKey": "AAAA" } ] }""");

        var (exitCode, _, error) = Verify(path, roster);

        Assert.Equal(2, exitCode);
        Assert.Contains("is ongeldig", error, StringComparison.Ordinal);
        Assert.Contains("PublicKey", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RosterWithUnknownRole_IsInvalidInput()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        var roster = Path.Combine(kerngroep.Folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(roster, """{ "Members": [ { "Id": "a", "Name": "A", "Role": "Secretaris", "PublicKey": "AAAA" } ] }""");

        var (exitCode, _, _) = Verify(path, roster);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Verify_MissingRoster_IsInvalidInput()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());

        var (exitCode, _, error) = Verify(path, Path.Combine(kerngroep.Folder, "geen-ledenlijst.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("De ledenlijst", error, StringComparison.Ordinal);
    }
}
