using GsoHitService.Coordinator.Domain;

namespace GsoHitService.Coordinator.Tests.Store;

public sealed class DomainTextTests
{
    [Fact]
    public void ToString_PersonalEntities_HidesValues()
    {
        var input = StoreTestData.Signal();
        var signal = new Signal(SignalId.New(), input.Title, input.Reporter, input.Description, DateTimeOffset.UnixEpoch,
            input.Subjects.Select(subject => new Subject(SubjectId.New(), subject.Label, subject.Kind, subject.Identifiers)).ToArray());
        var record = new ReleasedRecord(signal.Subjects[0].Id, StoreTestData.ReleasedSource, new Dictionary<string, string> { ["x"] = StoreTestData.ReleasedValue });
        var release = new ContentRelease(ContentReleaseId.New(), DecisionId.New(), CaseId.New(), "vergunningen", DateTimeOffset.UnixEpoch, [record]);

        string[] texts =
        [
            input.ToString(), input.Subjects[0].ToString(), signal.ToString(), signal.Subjects[0].ToString(),
            record.ToString(), release.ToString(), new NewContentRelease(release.DecisionId, "vergunningen", [record]).ToString(),
        ];

        foreach (var value in StoreTestData.PersonalValues)
        {
            Assert.DoesNotContain(texts, text => text.Contains(value, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("met spatie")]
    [InlineData("bsn=123456782;")]
    public void EntityId_InvalidText_IsRejected(string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => new SignalId(value));

        Assert.DoesNotContain(value.Length > 0 ? value : "\u0000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityId_TooLong_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new CaseId(new string('a', 101)));
    }

    [Fact]
    public void EntityId_New_IsValidAndUnique()
    {
        var first = HitQueryId.New();
        var second = HitQueryId.New();

        Assert.NotEqual(first, second);
        Assert.Equal(first, new HitQueryId(first.Value));
    }
}
