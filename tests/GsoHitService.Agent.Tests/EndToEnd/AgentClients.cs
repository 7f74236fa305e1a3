using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Net.Client;
using SubjectToken = GsoHitService.Decisions.SubjectToken;
using TokenContext = GsoHitService.Decisions.TokenContext;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using GsoHitService.TestSupport;
using IdentifierType = GsoHitService.Matching.IdentifierType;
using WireType = GsoHitService.Protocol.V1.IdentifierType;

namespace GsoHitService.Agent.Tests.EndToEnd;

/// <summary>gRPC clients of the agent that present a chosen client certificate.</summary>
internal static class AgentClients
{
    /// <summary>
    /// Creates a channel that trusts only the test server certificate and presents
    /// <paramref name="clientCertificate"/> (none when null). Message limits are the shared
    /// <see cref="GrpcLimits.MaxMessageBytes"/> unless <paramref name="unlimitedSend"/> is set,
    /// which lets a test reach the server's own limit.
    /// </summary>
    public static GrpcChannel CreateChannel(Uri address, X509Certificate2? clientCertificate, bool unlimitedSend = false)
    {
        var serverThumbprint = TestCertificates.Shared.Server.Thumbprint;
        var tls = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                string.Equals(certificate?.GetCertHashString(), serverThumbprint, StringComparison.Ordinal),
        };

        if (clientCertificate is not null)
        {
            tls.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { SslOptions = tls, EnableMultipleHttp2Connections = true },
            DisposeHttpClient = true,
            MaxSendMessageSize = unlimitedSend ? null : GrpcLimits.MaxMessageBytes,
            MaxReceiveMessageSize = GrpcLimits.MaxMessageBytes,
        });
    }

    public static DepartmentAgent.DepartmentAgentClient CreateClient(AgentTestHost host, X509Certificate2? clientCertificate = null, bool unlimitedSend = false) =>
        new(CreateChannel(host.Address, clientCertificate ?? TestCertificates.Shared.Client, unlimitedSend));

    /// <summary>The agent's own match context, as GetAgentInfo returns it.</summary>
    public static MatchContext AgentContext => new()
    {
        TokenSchemeVersion = TokenScheme.Version,
        NormaliserProfile = NormaliserProfile.Id,
        KeyEpoch = AgentTestHost.KeyEpoch,
    };

    /// <summary>The agent's match context in the form that decisions name it.</summary>
    public static TokenContext DecisionContext => new(TokenScheme.Version, NormaliserProfile.Id, AgentTestHost.KeyEpoch);

    /// <summary>A hit query with a privacy check 1 decision of the shared test kerngroep that approves exactly its probes.</summary>
    public static HitQueryRequest Request(params (IdentifierType Type, byte[] Tokens)[] groups)
    {
        var request = UnsignedRequest(groups);
        request.Decision = ApproveProbes(groups);
        return request;
    }

    /// <summary>A hit query without a decision, for tests that attach their own.</summary>
    public static HitQueryRequest UnsignedRequest(params (IdentifierType Type, byte[] Tokens)[] groups)
    {
        var request = new HitQueryRequest { QueryId = $"query-{Guid.NewGuid():N}", Context = AgentContext };
        foreach (var (type, tokens) in groups)
        {
            request.Probes.Add(Group(type, tokens));
        }

        return request;
    }

    /// <summary>
    /// Signs a privacy check 1 decision of the shared test kerngroep for the agent's department that
    /// approves exactly these probes.
    /// </summary>
    public static SignedDecision ApproveProbes(params (IdentifierType Type, byte[] Tokens)[] groups) =>
        TestKerngroep.Sign(
            TestKerngroep.PrivacyCheck1(AgentTestHost.Department, DecisionContext, SubjectTokens(groups)),
            TestKerngroep.Shared.PrivacyCheck1Signers);

    public static SubjectToken[] SubjectTokens(params (IdentifierType Type, byte[] Tokens)[] groups) =>
        [.. groups.SelectMany(group => SubjectToken.FromConcatenated(group.Type, group.Tokens))];

    public static ProbeGroup Group(IdentifierType type, byte[] tokens) =>
        new() { IdentifierType = (WireType)(int)type, Tokens = UnsafeByteOperations.UnsafeWrap(tokens) };

    /// <summary>The first message of a one-message screening, with a decision that approves exactly its probes.</summary>
    public static HitScreeningChunk Header(params (IdentifierType Type, byte[] Tokens)[] groups) => Screening([groups])[0];

    /// <summary>
    /// The messages of a screening: the first carries the header with a decision that approves the
    /// probes of every message.
    /// </summary>
    public static HitScreeningChunk[] Screening(params (IdentifierType Type, byte[] Tokens)[][] chunks)
    {
        var messages = chunks.Select(groups => Chunk(groups)).ToArray();
        messages[0].Header = new HitQueryHeader
        {
            QueryId = $"screening-{Guid.NewGuid():N}",
            Context = AgentContext,
            Decision = ApproveProbes([.. chunks.SelectMany(groups => groups)]),
        };
        return messages;
    }

    public static HitScreeningChunk Chunk(params (IdentifierType Type, byte[] Tokens)[] groups)
    {
        var chunk = new HitScreeningChunk();
        chunk.Probes.AddRange(groups.Select(group => Group(group.Type, group.Tokens)));
        return chunk;
    }

    public static DateTime Deadline(int seconds = 10) => DateTime.UtcNow.AddSeconds(seconds);
}
