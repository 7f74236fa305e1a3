using System.Text;
using GsoHitService.Decisions.Tests.Support;

namespace GsoHitService.Decisions.Tests;

public sealed class DecisionFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly TestMembers _members = new();

    private string FilePath => _folder.File("besluit.json");

    public void Dispose()
    {
        _members.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Write_SignedDecision_RoundTrips()
    {
        var decision = TestMembers.Sign(Samples.PrivacyCheck2(), _members.PrivacyOfficer, _members.LegalAdviser);

        DecisionFile.Write(FilePath, decision);
        var read = DecisionFile.Read(FilePath);

        Assert.Equal(decision.Payload.ToArray(), read.Payload.ToArray());
        Assert.Equal(decision.Signatures.Select(signature => (signature.MemberId, Convert.ToBase64String(signature.Signature.Span))),
            read.Signatures.Select(signature => (signature.MemberId, Convert.ToBase64String(signature.Signature.Span))));
    }

    [Fact]
    public void Write_ExistingFile_IsReplacedWithoutLeftovers()
    {
        DecisionFile.Write(FilePath, SignedDecision.Create(Samples.PrivacyCheck2()));

        DecisionFile.Write(FilePath, TestMembers.Sign(Samples.PrivacyCheck2(), _members.Chair));

        Assert.Single(DecisionFile.Read(FilePath).Signatures);
        Assert.Equal(["besluit.json"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Format_Unsigned_HasVersionAndEmptySignatures()
    {
        var json = Encoding.UTF8.GetString(DecisionFile.Format(SignedDecision.Create(Samples.PrivacyCheck2())));

        Assert.Contains("\"format\": \"gso-decision\"", json, StringComparison.Ordinal);
        Assert.Contains("\"version\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"signatures\": []", json, StringComparison.Ordinal);
    }

    public static TheoryData<string, DecisionFileError> InvalidFiles => new()
    {
        { "niet json", DecisionFileError.InvalidFormat },
        { "[]", DecisionFileError.InvalidFormat },
        { """{"format":"gso-member-key","version":1,"payload":"","signatures":[]}""", DecisionFileError.InvalidFormat },
        { """{"format":"gso-decision","version":2,"payload":"","signatures":[]}""", DecisionFileError.UnsupportedVersion },
        { """{"format":"gso-decision","version":1,"payload":"!!","signatures":[]}""", DecisionFileError.InvalidFormat },
        { """{"format":"gso-decision","version":1,"signatures":[]}""", DecisionFileError.InvalidFormat },
        { """{"format":"gso-decision","version":1,"payload":"","signatures":[],"extra":1}""", DecisionFileError.InvalidFormat },
        { """{"format":"gso-decision","version":1,"payload":"","signatures":[{"memberId":"a"}]}""", DecisionFileError.InvalidFormat },
        { """{"format":"gso-decision","version":1,"payload":"","payload":"","signatures":[]}""", DecisionFileError.InvalidFormat },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Read_InvalidFile_ThrowsWithError(string contents, DecisionFileError expected)
    {
        File.WriteAllText(FilePath, contents);

        var exception = Assert.Throws<DecisionFileException>(() => DecisionFile.Read(FilePath));

        Assert.Equal(expected, exception.Error);
        Assert.Equal(FilePath, exception.Path);
    }

    [Fact]
    public void Read_MissingFile_IsNotFound()
    {
        var exception = Assert.Throws<DecisionFileException>(() => DecisionFile.Read(FilePath));

        Assert.Equal(DecisionFileError.NotFound, exception.Error);
    }
}
