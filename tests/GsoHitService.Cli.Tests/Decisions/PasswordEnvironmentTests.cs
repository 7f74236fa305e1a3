using GsoHitService.Decisions;

namespace GsoHitService.Cli.Tests.Decisions;

[CollectionDefinition(nameof(PasswordEnvironmentCollection), DisableParallelization = true)]
public sealed class PasswordEnvironmentCollection;

/// <summary>
/// Tests that set the process-wide password variable; they run alone, so that no other test reads it.
/// </summary>
[Collection(nameof(PasswordEnvironmentCollection))]
public sealed class PasswordEnvironmentTests(KerngroepFixture kerngroep) : IClassFixture<KerngroepFixture>
{
    private const string Variable = "GSO_MEMBER_KEY_PASSWORD";

    [Fact]
    public void Sign_PasswordFromEnvironment_AddsSignature()
    {
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());
        Environment.SetEnvironmentVariable(Variable, KerngroepFixture.Password);
        try
        {
            var (exitCode, _, error) = CliRunner.Run("decision", "sign", path, "--sleutel", kerngroep.KeyFile("po-1"));

            Assert.Equal(0, exitCode);
            Assert.Equal("", error);
            Assert.Single(DecisionFile.Read(path).Signatures);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public void Sign_NoPassword_ExplainsOptions()
    {
        Assert.SkipUnless(Console.IsInputRedirected, "Needs standard input that is not a terminal, as under the test runner in CI.");
        var path = kerngroep.WriteDecision(KerngroepFixture.PrivacyCheck1());

        var (exitCode, _, error) = CliRunner.Run("decision", "sign", path, "--sleutel", kerngroep.KeyFile("po-1"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--wachtwoordbestand", error, StringComparison.Ordinal);
        Assert.Contains(Variable, error, StringComparison.Ordinal);
    }
}
