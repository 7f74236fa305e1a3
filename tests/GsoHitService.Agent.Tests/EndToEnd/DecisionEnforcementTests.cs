using Google.Protobuf;
using Grpc.Core;
using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Queries;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using GsoHitService.Protocol;
using GsoHitService.Protocol.V1;
using GsoHitService.TestSupport;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

/// <summary>
/// A client with a valid coordinator certificate tries hit queries that the kerngroep did not
/// approve. Each must be refused with PERMISSION_DENIED and a reason code, audited, and answered
/// with nothing: the agent must not even look the tokens up. The probe is a BSN that the agent
/// holds, so any leak would show as a hit.
/// </summary>
public sealed class DecisionEnforcementTests
{
    private const string HeldBsn = "111222333";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueryHits_ApprovedProbes_AnsweredAndAudited()
    {
        await using var host = await AgentTestHost.StartAsync();
        var request = AgentClients.Request((IdentifierType.Bsn, host.BsnToken(HeldBsn)));

        var reply = await AgentClients.CreateClient(host).QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);

        Assert.Equal([HitAnswer.Hit], Assert.Single(reply.Answers).Answers);
        var record = host.Audit.Single;
        Assert.Equal(AuditOutcome.Answered, record.Outcome);
        Assert.Equal(DecisionEncoding.Decode(request.Decision.Payload.Span).DecisionId, record.DecisionId);
    }

    [Fact]
    public async Task QueryHits_NoDecision_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var request = AgentClients.UnsignedRequest((IdentifierType.Bsn, host.BsnToken(HeldBsn)));

        await AssertRefusedAsync(host, request, AgentErrorCodes.ReasonDecisionMissing);
    }

    [Fact]
    public async Task QueryHits_ChangedAfterSigning_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var probes = (IdentifierType.Bsn, host.BsnToken(HeldBsn));
        var approved = TestKerngroep.PrivacyCheck1(AgentTestHost.Department, AgentClients.DecisionContext, AgentClients.SubjectTokens(probes));
        var signed = TestKerngroep.Sign(approved, TestKerngroep.Shared.PrivacyCheck1Signers);

        // The coordinator extends the validity by a year and keeps the members' signatures.
        var extended = approved with { Validity = new ValidityPeriod(approved.Validity.From, approved.Validity.Until.AddYears(1)) };
        signed.Payload = ByteString.CopyFrom(DecisionEncoding.Encode(extended));
        var request = AgentClients.UnsignedRequest(probes);
        request.Decision = signed;

        await AssertRefusedAsync(host, request, "decision-invalid-signature");
    }

    [Fact]
    public async Task QueryHits_PayloadBytesFlipped_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var request = AgentClients.Request((IdentifierType.Bsn, host.BsnToken(HeldBsn)));
        var payload = request.Decision.Payload.ToByteArray();
        payload[^1] ^= 0x01;
        request.Decision.Payload = ByteString.CopyFrom(payload);

        var failure = await AssertRefusedAsync(host, request, expectedReasonCode: null);

        Assert.Contains(failure.Trailers.GetValue(AgentErrorCodes.ReasonTrailer), (string[])["decision-malformed", "decision-invalid-signature"]);
    }

    [Fact]
    public async Task QueryHits_SignedByKeyNotInRoster_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        using var outsider = MemberSigningKey.Generate("mallory", "Mallory Buitenstaander", CoreTeamRole.Chair);
        var request = SignedRequest(host, TestKerngroep.Shared.PrivacyOfficer, outsider);

        await AssertRefusedAsync(host, request, "decision-unknown-signer");
    }

    [Fact]
    public async Task QueryHits_ImpostorKey_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        using var impostor = MemberSigningKey.Generate(TestKerngroep.Shared.Chair.MemberId, "Nep Voorzitter", CoreTeamRole.Chair);
        var request = SignedRequest(host, TestKerngroep.Shared.PrivacyOfficer, impostor);

        await AssertRefusedAsync(host, request, "decision-invalid-signature");
    }

    [Fact]
    public async Task QueryHits_OnlyPrivacyOfficer_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var request = SignedRequest(host, TestKerngroep.Shared.PrivacyOfficer);

        await AssertRefusedAsync(host, request, "decision-threshold-not-met");
    }

    [Fact]
    public async Task QueryHits_NoPrivacyOfficer_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var request = SignedRequest(host, TestKerngroep.Shared.Chair, TestKerngroep.Shared.Jurist);

        await AssertRefusedAsync(host, request, "decision-threshold-not-met");
    }

    [Fact]
    public async Task QueryHits_ExpiredDecision_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var request = RequestWith(host, probes => TestKerngroep.PrivacyCheck1(
            AgentTestHost.Department, AgentClients.DecisionContext, probes, new ValidityPeriod(now.AddDays(-2), now.AddDays(-1))));

        await AssertRefusedAsync(host, request, "decision-expired");
    }

    [Fact]
    public async Task QueryHits_NotYetValid_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var request = RequestWith(host, probes => TestKerngroep.PrivacyCheck1(
            AgentTestHost.Department, AgentClients.DecisionContext, probes, new ValidityPeriod(now.AddDays(1), now.AddDays(2))));

        await AssertRefusedAsync(host, request, "decision-not-yet-valid");
    }

    [Fact]
    public async Task QueryHits_OtherDepartment_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var request = RequestWith(host, probes => TestKerngroep.PrivacyCheck1("vergunningen", AgentClients.DecisionContext, probes));

        await AssertRefusedAsync(host, request, "decision-department-not-named");
    }

    [Fact]
    public async Task QueryHits_OtherSubjects_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var approved = AgentClients.SubjectTokens((IdentifierType.Bsn, host.BsnToken("123456782")));
        var request = AgentClients.UnsignedRequest((IdentifierType.Bsn, host.BsnToken(HeldBsn)));
        request.Decision = TestKerngroep.Sign(
            TestKerngroep.PrivacyCheck1(AgentTestHost.Department, AgentClients.DecisionContext, approved),
            TestKerngroep.Shared.PrivacyCheck1Signers);

        await AssertRefusedAsync(host, request, "decision-scope-mismatch");
    }

    [Fact]
    public async Task QueryHits_UnapprovedType_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var bsn = (IdentifierType.Bsn, host.BsnToken(HeldBsn));
        var request = AgentClients.UnsignedRequest(bsn, (IdentifierType.KvkNumber, host.Token(IdentifierType.KvkNumber, "12345678")));
        request.Decision = AgentClients.ApproveProbes(bsn);

        await AssertRefusedAsync(host, request, "decision-scope-mismatch");
    }

    [Fact]
    public async Task QueryHits_ApprovedSubset_IsRefused()
    {
        // Exactly what was approved: asking fewer tokens per request would let a coordinator split
        // one approved set into many single-token queries.
        await using var host = await AgentTestHost.StartAsync();
        var first = (IdentifierType.Bsn, host.BsnToken(HeldBsn));
        var request = AgentClients.UnsignedRequest(first);
        request.Decision = AgentClients.ApproveProbes(first, (IdentifierType.Bsn, host.BsnToken("123456782")));

        await AssertRefusedAsync(host, request, "decision-scope-mismatch");
    }

    [Fact]
    public async Task QueryHits_PrivacyCheck2Decision_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var probes = (IdentifierType.Bsn, host.BsnToken(HeldBsn));
        var request = AgentClients.UnsignedRequest(probes);
        request.Decision = TestKerngroep.Sign(
            TestKerngroep.PrivacyCheck2(AgentTestHost.Department, AgentClients.DecisionContext, [new ReleaseSubject("s1", AgentClients.SubjectTokens(probes))], ["naam"]),
            TestKerngroep.Shared.PrivacyCheck2Signers);

        await AssertRefusedAsync(host, request, "decision-wrong-kind");
    }

    [Fact]
    public async Task QueryHits_Replayed_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);
        var request = AgentClients.Request((IdentifierType.Bsn, host.BsnToken(HeldBsn)));
        await client.QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);

        var replay = request.Clone();
        replay.QueryId = $"query-{Guid.NewGuid():N}";

        await AssertRefusedAsync(host, replay, "decision-replayed", lookupsBefore: 1);
    }

    [Fact]
    public async Task QueryHits_ReplayedAfterRestart_IsRefused()
    {
        var host = await AgentTestHost.StartAsync();
        var request = AgentClients.Request((IdentifierType.Bsn, host.BsnToken(HeldBsn)));
        await AgentClients.CreateClient(host).QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);

        await using var restarted = await host.RestartAsync();
        await host.DisposeAsync();

        await AssertRefusedAsync(restarted, request, "decision-replayed");
    }

    [Fact]
    public async Task QueryHits_ReplayWithoutUseRecord_IsRefused()
    {
        var host = await AgentTestHost.StartAsync(setup => setup.UseAuditLogFile = true);
        var request = AgentClients.Request((IdentifierType.Bsn, host.BsnToken(HeldBsn)));
        await AgentClients.CreateClient(host).QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);

        // The reply does not wait for the use record's flush, so a crash may lose its last lines.
        // The audit entry, flushed before the reply, still shows the use.
        await using var restarted = await host.RestartAsync(whileStopped: () => File.Delete(Path.Combine(host.ContentRoot, "data", "decision-uses.log")));
        await host.DisposeAsync();

        var failure = await Assert.ThrowsAsync<RpcException>(() => AgentClients.CreateClient(restarted)
            .QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
        Assert.Equal("decision-replayed", failure.Trailers.GetValue(AgentErrorCodes.ReasonTrailer));
        Assert.Equal(0, restarted.Progress.Total);
    }

    [Fact]
    public async Task ScreenHits_FirstChunkOnlyApproved_IsRefused()
    {
        await using var host = await AgentTestHost.StartAsync();
        using var call = AgentClients.CreateClient(host).ScreenHits(deadline: AgentClients.Deadline(), cancellationToken: Token);

        await call.RequestStream.WriteAsync(AgentClients.Header((IdentifierType.Bsn, host.BsnToken("123456782"))), Token);
        await call.RequestStream.WriteAsync(AgentClients.Chunk((IdentifierType.Bsn, host.BsnToken(HeldBsn))), Token);
        await call.RequestStream.CompleteAsync();
        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Token));

        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
        Assert.Equal("decision-scope-mismatch", failure.Trailers.GetValue(AgentErrorCodes.ReasonTrailer));
        Assert.Equal(0, host.Progress.Total);
        Assert.Equal(AuditOutcome.Refused, host.Audit.Single.Outcome);
    }

    [Fact]
    public async Task QueryHits_RefusalIgnoresIndex()
    {
        await using var host = await AgentTestHost.StartAsync();
        var client = AgentClients.CreateClient(host);

        var held = await Assert.ThrowsAsync<RpcException>(() => client.QueryHitsAsync(
            SignedRequest(host, TestKerngroep.Shared.PrivacyOfficer), deadline: AgentClients.Deadline(), cancellationToken: Token).ResponseAsync);
        var unheldRequest = AgentClients.UnsignedRequest((IdentifierType.Bsn, host.BsnToken("999999990")));
        unheldRequest.Decision = TestKerngroep.Sign(
            TestKerngroep.PrivacyCheck1(AgentTestHost.Department, AgentClients.DecisionContext, AgentClients.SubjectTokens((IdentifierType.Bsn, host.BsnToken("999999990")))),
            TestKerngroep.Shared.PrivacyOfficer);
        var unheld = await Assert.ThrowsAsync<RpcException>(() => client.QueryHitsAsync(unheldRequest, deadline: AgentClients.Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(held.StatusCode, unheld.StatusCode);
        Assert.Equal(held.Status.Detail, unheld.Status.Detail);
        Assert.Equal(held.Trailers.GetValue(AgentErrorCodes.ReasonTrailer), unheld.Trailers.GetValue(AgentErrorCodes.ReasonTrailer));
    }

    /// <summary>A request for the held BSN with a privacy check 1 decision for exactly it, signed by <paramref name="signers"/>.</summary>
    private static HitQueryRequest SignedRequest(AgentTestHost host, params MemberSigningKey[] signers) =>
        RequestWith(host, probes => TestKerngroep.PrivacyCheck1(AgentTestHost.Department, AgentClients.DecisionContext, probes), signers);

    private static HitQueryRequest RequestWith(AgentTestHost host, Func<SubjectToken[], Decision> decide, params MemberSigningKey[] signers)
    {
        var probes = (IdentifierType.Bsn, host.BsnToken(HeldBsn));
        var request = AgentClients.UnsignedRequest(probes);
        request.Decision = TestKerngroep.Sign(decide(AgentClients.SubjectTokens(probes)), signers.Length > 0 ? signers : TestKerngroep.Shared.PrivacyCheck1Signers);
        return request;
    }

    /// <summary>
    /// Sends <paramref name="request"/> and checks the refusal: PERMISSION_DENIED with the reason
    /// code, no token looked up, and a refusal in the audit log.
    /// </summary>
    private static async Task<RpcException> AssertRefusedAsync(AgentTestHost host, HitQueryRequest request, string? expectedReasonCode, long lookupsBefore = 0)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => AgentClients.CreateClient(host)
            .QueryHitsAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
        if (expectedReasonCode is not null)
        {
            Assert.Equal(expectedReasonCode, failure.Trailers.GetValue(AgentErrorCodes.ReasonTrailer));
        }

        Assert.Equal(lookupsBefore, host.Progress.Total);
        var record = host.Audit.Records[^1];
        Assert.Equal(AuditOutcome.Refused, record.Outcome);
        Assert.Equal(QueryRefusalReason.NotAuthorized, record.RefusalReason);
        Assert.Equal(request.QueryId, record.RequestId);
        Assert.Null(record.Answers);
        return failure;
    }
}
