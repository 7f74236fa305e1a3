using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Authorization;
using GsoHitService.Agent.Queries;
using GsoHitService.Agent.Tests.Support;
using GsoHitService.TestSupport;
using AuditOutcome = GsoHitService.Agent.Auditing.AuditOutcome;
using LogOutcome = GsoHitService.Audit.AuditOutcome;

namespace GsoHitService.Agent.Tests.Auditing;

public sealed class AuditLogTrailTests
{
    [Fact]
    public void ToEntry_Answered_IsSucceededWithCounts()
    {
        var entry = AuditLogTrail.ToEntry(Record(AuditOutcome.Answered, answers: new ProbeAnswerCounts(1, 2, 3, 0)), "brp");

        Assert.Equal(LogOutcome.Succeeded, entry.Outcome);
        Assert.Equal("hit-query", entry.Action);
        Assert.Equal("brp", entry.Department);
        Assert.Equal("decision-7", entry.DecisionId);
        Assert.Equal(new GsoHitService.Audit.AuditCounts(6, 1, 2, 3, 0), entry.Counts);
        Assert.Equal("request query-7", entry.Reason);
        Assert.Equal($"CN=coordinator; sha256={QueryHarness.Caller.Thumbprint}", entry.Actor);
    }

    [Fact]
    public void ToEntry_Refused_NamesReasonAndDetail()
    {
        var entry = AuditLogTrail.ToEntry(
            Record(AuditOutcome.Refused, refusal: QueryRefusalReason.QuotaExceeded, detail: "Over the quota."), "brp");

        Assert.Equal(LogOutcome.Refused, entry.Outcome);
        Assert.Equal("request query-7; refused (QuotaExceeded): Over the quota.", entry.Reason);
        Assert.Equal(new GsoHitService.Audit.AuditCounts(6, 0, 0, 0, 0), entry.Counts);
    }

    [Fact]
    public void ToEntry_Cancelled_IsFailedAndSaysCancelled()
    {
        var entry = AuditLogTrail.ToEntry(Record(AuditOutcome.Cancelled, detail: "The caller cancelled the call or its deadline passed."), "brp");

        Assert.Equal(LogOutcome.Failed, entry.Outcome);
        Assert.StartsWith("request query-7; cancelled: ", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEntry_VeryLongDetail_IsCutToMaximumReasonLength()
    {
        var entry = AuditLogTrail.ToEntry(
            Record(AuditOutcome.Refused, refusal: QueryRefusalReason.InvalidRequest, detail: new string('x', 5_000)), "brp");

        Assert.Equal(GsoHitService.Audit.AuditEntry.MaxReasonLength, entry.Reason!.Length);
    }

    [Theory]
    [InlineData("HitQuery", "hit-query")]
    [InlineData("HitScreening", "hit-screening")]
    [InlineData("ContentRelease", "content-release")]
    public void ToEntry_Kind_MapsToAction(string kind, string action)
    {
        var entry = AuditLogTrail.ToEntry(Record(AuditOutcome.Answered, kind: Enum.Parse<RequestKind>(kind)), "brp");

        Assert.Equal(action, entry.Action);
    }

    [Fact]
    public void ReadDecisionUses_MixedLog_SkipsRefused()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("agent-audit.log");
        using (var log = GsoHitService.Audit.AuditLog.Open(path))
        {
            log.Append(AuditLogTrail.ToEntry(Record(AuditOutcome.Answered, answers: new ProbeAnswerCounts(1, 5, 0, 0)) with { DecisionId = "answered" }, "brp"));
            log.Append(AuditLogTrail.ToEntry(Record(AuditOutcome.Cancelled, kind: RequestKind.HitScreening) with { DecisionId = "cancelled" }, "brp"));
            log.Append(AuditLogTrail.ToEntry(Record(AuditOutcome.Answered, kind: RequestKind.ContentRelease) with { DecisionId = "released" }, "brp"));
            log.Append(AuditLogTrail.ToEntry(Record(AuditOutcome.Refused, refusal: QueryRefusalReason.NotAuthorized) with { DecisionId = "refused" }, "brp"));
            log.Append(AuditLogTrail.ToEntry(Record(AuditOutcome.Failed) with { DecisionId = null }, "brp"));
            log.Append(new GsoHitService.Audit.AuditEntry("CN=operator", "key-rotated", LogOutcome.Succeeded) { DecisionId = "other-action" });
        }

        var uses = AuditLogTrail.ReadDecisionUses(path, TestContext.Current.CancellationToken).ToArray();

        Assert.Equal(["answered", "cancelled", "released"], uses);
    }

    private static QueryAuditRecord Record(
        AuditOutcome outcome,
        ProbeAnswerCounts? answers = null,
        QueryRefusalReason? refusal = null,
        string? detail = null,
        RequestKind kind = RequestKind.HitQuery) =>
        new(kind, "query-7", QueryHarness.Caller, "decision-7", 2, 6, outcome, answers, refusal, detail);
}
