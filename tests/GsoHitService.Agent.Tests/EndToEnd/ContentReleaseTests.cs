using System.Text.Json.Nodes;
using Grpc.Core;
using GsoHitService.Agent.Auditing;
using GsoHitService.Agent.Queries;
using GsoHitService.Decisions;
using GsoHitService.Protocol;
using GsoHitService.Protocol.V1;
using GsoHitService.TestSupport;
using IdentifierType = GsoHitService.Matching.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

/// <summary>
/// Content release against a real agent: a valid privacy check 2 decision releases exactly the
/// approved fields of the records of exactly the approved subjects; anything else is refused and
/// releases nothing.
/// </summary>
public sealed class ContentReleaseTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReleaseContent_Valid_ReleasesApprovedFieldsOnly()
    {
        await using var host = await StartAsync();
        var jansen = Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"));
        var bakkerByAddress = Subject(host, "betrokkene-2", (IdentifierType.Address, "1234AB;2"));
        var request = Release(host, [jansen, bakkerByAddress], ["naam"]);

        var reply = await AgentClients.CreateClient(host).ReleaseContentAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);

        Assert.Equal(["betrokkene-1", "betrokkene-2"], reply.Subjects.Select(subject => subject.SubjectRef));
        var jansenRecord = Assert.Single(reply.Subjects[0].Records);
        Assert.Equal("personen-csv", jansenRecord.Source);
        Assert.Equal(new Dictionary<string, string> { ["naam"] = "Jansen" }, jansenRecord.Fields);
        Assert.Equal(new Dictionary<string, string> { ["naam"] = "Bakker" }, Assert.Single(reply.Subjects[1].Records).Fields);
        Assert.DoesNotContain(reply.Subjects.SelectMany(subject => subject.Records), record => record.Fields.Values.Contains("De Vries"));
    }

    [Fact]
    public async Task ReleaseContent_NoRecords_ReturnsEmptySubject()
    {
        await using var host = await StartAsync();
        var request = Release(host, [Subject(host, "betrokkene-9", (IdentifierType.Bsn, "999999990"))], ["naam", "postcode"]);

        var reply = await AgentClients.CreateClient(host).ReleaseContentAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);

        Assert.Empty(Assert.Single(reply.Subjects).Records);
    }

    [Fact]
    public async Task ReleaseContent_Audit_HasCountsOnly()
    {
        await using var host = await StartAsync(auditToFile: true);
        var request = Release(host, [Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"))], ["naam", "postcode"]);

        await AgentClients.CreateClient(host).ReleaseContentAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);
        await host.StopAppAsync();

        var log = await File.ReadAllTextAsync(Path.Combine(host.ContentRoot, "audit", "agent-audit.log"), Token);
        Assert.Contains("content-release", log, StringComparison.Ordinal);
        Assert.Contains(DecisionEncoding.Decode(request.Decision.Payload.Span).DecisionId, log, StringComparison.Ordinal);
        Assert.Contains("released 1 records with 2 field values for 1 subjects", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", log, StringComparison.Ordinal);
        Assert.DoesNotContain("111222333", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseContent_NoDecision_IsRefused()
    {
        await using var host = await StartAsync();
        var request = Release(host, [Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"))], ["naam"]);
        request.Decision = null;

        await AssertRefusedAsync(host, request, AgentErrorCodes.ReasonDecisionMissing);
    }

    [Fact]
    public async Task ReleaseContent_ExtraField_IsRefused()
    {
        await using var host = await StartAsync();
        var subject = Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"));
        var request = Release(host, [subject], ["naam"]);
        request.Fields.Add("postcode");

        await AssertRefusedAsync(host, request, "decision-scope-mismatch");
    }

    [Fact]
    public async Task ReleaseContent_ExtraSubject_IsRefused()
    {
        await using var host = await StartAsync();
        var request = Release(host, [Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"))], ["naam"]);
        request.Subjects.Add(Subject(host, "betrokkene-3", (IdentifierType.Bsn, "012345672")).Requested);

        await AssertRefusedAsync(host, request, "decision-scope-mismatch");
    }

    [Fact]
    public async Task ReleaseContent_OtherToken_IsRefused()
    {
        await using var host = await StartAsync();
        var request = Release(host, [Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"))], ["naam"]);
        request.Subjects[0] = Subject(host, "betrokkene-1", (IdentifierType.Bsn, "012345672")).Requested;

        await AssertRefusedAsync(host, request, "decision-scope-mismatch");
    }

    [Fact]
    public async Task ReleaseContent_PrivacyCheck1_IsRefused()
    {
        await using var host = await StartAsync();
        var subject = Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"));
        var request = Release(host, [subject], ["naam"]);
        request.Decision = TestKerngroep.Sign(
            TestKerngroep.PrivacyCheck1(AgentTestHost.Department, AgentClients.DecisionContext, subject.Approved.Tokens.ToArray()),
            TestKerngroep.Shared.PrivacyCheck1Signers);

        await AssertRefusedAsync(host, request, "decision-wrong-kind");
    }

    [Fact]
    public async Task ReleaseContent_NoJurist_IsRefused()
    {
        await using var host = await StartAsync();
        var request = Release(host, [Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"))], ["naam"], TestKerngroep.Shared.PrivacyCheck1Signers);

        await AssertRefusedAsync(host, request, "decision-threshold-not-met");
    }

    [Fact]
    public async Task ReleaseContent_Replayed_IsRefused()
    {
        await using var host = await StartAsync();
        var request = Release(host, [Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"))], ["naam"]);
        await AgentClients.CreateClient(host).ReleaseContentAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token);

        var replay = request.Clone();
        replay.ReleaseId = "release-replay";

        await AssertRefusedAsync(host, replay, "decision-replayed");
    }

    [Fact]
    public async Task ReleaseContent_UnmappedField_KeepsDecisionUnused()
    {
        await using var host = await StartAsync();
        var subject = Subject(host, "betrokkene-1", (IdentifierType.Bsn, "111222333"));
        var misspelt = Release(host, [subject], ["huisnummer"]);
        var client = AgentClients.CreateClient(host);

        var failure = await Assert.ThrowsAsync<RpcException>(() => client.ReleaseContentAsync(misspelt, deadline: AgentClients.Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Contains("huisnummer", failure.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("naam, postcode", failure.Status.Detail, StringComparison.Ordinal);
        var useRecord = await File.ReadAllTextAsync(Path.Combine(host.ContentRoot, "data", "decision-uses.log"), Token);
        Assert.DoesNotContain(DecisionEncoding.Decode(misspelt.Decision.Payload.Span).DecisionId, useRecord, StringComparison.Ordinal);
    }

    /// <summary>An agent whose CSV source has names and postcodes in its field map, and house numbers outside it.</summary>
    private static Task<AgentTestHost> StartAsync(bool auditToFile = false) => AgentTestHost.StartAsync(setup =>
    {
        setup.UseAuditLogFile = auditToFile;
        setup.ContentRoot.WriteFile(
            Path.Combine("data", "personen.csv"),
            "bsn;naam;postcode;huisnummer\n111222333;Jansen;1234AB;1\n123456782;Bakker;1234AB;2\n012345672;De Vries;5678CD;3\n");
        var csv = setup.Agent["Sources"]![0]!.AsObject();
        csv["ReleasableFields"] = new JsonObject { ["naam"] = new JsonArray("naam"), ["postcode"] = new JsonArray("postcode") };
    });

    private sealed record TestSubject(ReleaseSubject Approved, RequestedSubject Requested);

    private static TestSubject Subject(AgentTestHost host, string subjectRef, params (IdentifierType Type, string Value)[] identifiers)
    {
        var groups = identifiers.Select(identifier => (identifier.Type, host.Token(identifier.Type, identifier.Value))).ToArray();
        var requested = new RequestedSubject { SubjectRef = subjectRef };
        requested.Tokens.AddRange(groups.Select(group => AgentClients.Group(group.Item1, group.Item2)));
        return new TestSubject(new ReleaseSubject(subjectRef, AgentClients.SubjectTokens(groups)), requested);
    }

    private static ContentReleaseRequest Release(
        AgentTestHost host, TestSubject[] subjects, string[] fields, GsoHitService.Decisions.Keys.MemberSigningKey[]? signers = null)
    {
        var decision = TestKerngroep.PrivacyCheck2(AgentTestHost.Department, AgentClients.DecisionContext, [.. subjects.Select(subject => subject.Approved)], fields);
        var request = new ContentReleaseRequest
        {
            ReleaseId = $"release-{Guid.NewGuid():N}",
            Context = AgentClients.AgentContext,
            Decision = TestKerngroep.Sign(decision, signers ?? TestKerngroep.Shared.PrivacyCheck2Signers),
        };
        request.Subjects.AddRange(subjects.Select(subject => subject.Requested));
        request.Fields.AddRange(fields);
        return request;
    }

    private static async Task AssertRefusedAsync(AgentTestHost host, ContentReleaseRequest request, string reasonCode)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => AgentClients.CreateClient(host)
            .ReleaseContentAsync(request, deadline: AgentClients.Deadline(), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
        Assert.Equal(reasonCode, failure.Trailers.GetValue(AgentErrorCodes.ReasonTrailer));
        var record = host.Audit.Records[^1];
        Assert.Equal(AuditOutcome.Refused, record.Outcome);
        Assert.Equal(request.ReleaseId, record.RequestId);
        Assert.Null(record.Answers);
    }
}
