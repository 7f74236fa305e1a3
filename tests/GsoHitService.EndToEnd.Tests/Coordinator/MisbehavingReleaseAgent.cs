using System.Text.Json.Nodes;
using Grpc.Core;
using GsoHitService.Decisions;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.EndToEnd.Tests.Coordinator;

/// <summary>
/// A small department agent on real Kestrel with mutual TLS, for content release: the real agent
/// refuses ReleaseContent until privacy check 2 verification is added. It answers every hit query
/// token with a hit, and releases one record per subject named in the decision with exactly the
/// decision's fields, plus <see cref="ExtraField"/> when set.
/// </summary>
internal sealed class FakeReleaseAgent : IAsyncDisposable
{
    private readonly TempDirectory _contentRoot;

    private FakeReleaseAgent(TempDirectory contentRoot, WebApplication app, ReleaseBehaviour behaviour)
    {
        _contentRoot = contentRoot;
        App = app;
        Behaviour = behaviour;
    }

    public WebApplication App { get; }

    public Uri Address => new(App.Urls.First());

    public ReleaseBehaviour Behaviour { get; }

    public static async Task<FakeReleaseAgent> StartAsync(string department, string keyEpoch)
    {
        var contentRoot = new TempDirectory();
        try
        {
            TestCertificates.Shared.WriteServerFiles(contentRoot);
            var settings = new JsonObject
            {
                ["Server"] = new JsonObject
                {
                    ["Endpoints"] = new JsonArray("https://127.0.0.1:0"),
                    ["Certificate"] = new JsonObject { ["Path"] = "server.crt.pem", ["KeyPath"] = "server.key.pem" },
                    ["ClientCertificates"] = new JsonObject
                    {
                        ["TrustedCaPath"] = "ca.crt.pem",
                        ["AllowedSubjects"] = new JsonArray(TestCertificates.ClientCommonName),
                    },
                },
            };
            File.WriteAllText(contentRoot.Combine("appsettings.json"), settings.ToJsonString());

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot.Path, EnvironmentName = Environments.Production });
            builder.Logging.ClearProviders();
            builder.AddMutualTlsGrpcServer("Server");
            var behaviour = new ReleaseBehaviour(department, keyEpoch);
            builder.Services.AddSingleton(behaviour);

            var app = builder.Build();
            app.MapGrpcService<Service>();
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new FakeReleaseAgent(contentRoot, app, behaviour);
        }
        catch
        {
            contentRoot.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        _contentRoot.Dispose();
    }

    /// <summary>What the fake department is and releases; tests change it between calls.</summary>
    internal sealed class ReleaseBehaviour(string department, string keyEpoch)
    {
        public string Department { get; } = department;

        public string KeyEpoch { get; } = keyEpoch;

        /// <summary>A field outside the decision to add to each record, to test that the coordinator refuses it.</summary>
        public string? ExtraField { get; set; }

        public int ReleaseCalls { get; set; }
    }

    private sealed class Service(ReleaseBehaviour behaviour) : Proto.DepartmentAgent.DepartmentAgentBase
    {
        public override Task<Proto.AgentInfo> GetAgentInfo(Proto.AgentInfoRequest request, ServerCallContext context) =>
            Task.FromResult(new Proto.AgentInfo
            {
                Department = behaviour.Department,
                DisplayName = "Vergunningen (test)",
                Context = new Proto.MatchContext { TokenSchemeVersion = TokenScheme.Version, NormaliserProfile = NormaliserProfile.Id, KeyEpoch = behaviour.KeyEpoch },
                IndexState = Proto.IndexState.Ready,
            });

        public override Task<Proto.HitQueryReply> QueryHits(Proto.HitQueryRequest request, ServerCallContext context)
        {
            var reply = new Proto.HitQueryReply();
            foreach (var group in request.Probes)
            {
                var answers = new Proto.ProbeGroupAnswers { IdentifierType = group.IdentifierType };
                answers.Answers.AddRange(Enumerable.Repeat(Proto.HitAnswer.Hit, group.Tokens.Length / MatchToken.Length));
                reply.Answers.Add(answers);
            }

            return Task.FromResult(reply);
        }

        public override Task<Proto.ContentReleaseReply> ReleaseContent(Proto.ContentReleaseRequest request, ServerCallContext context)
        {
            behaviour.ReleaseCalls++;
            var decision = (PrivacyCheck2Decision)DecisionEncoding.Decode(request.Decision.Payload.Span);
            var reply = new Proto.ContentReleaseReply();
            foreach (var subject in decision.Subjects)
            {
                var record = new Proto.ReleasedRecord { Source = "vergunningenregister" };
                foreach (var field in decision.Fields)
                {
                    record.Fields[field] = $"{field} van {subject.SubjectRef[..8]}";
                }

                if (behaviour.ExtraField is { } extra)
                {
                    record.Fields[extra] = "niet vrijgegeven";
                }

                reply.Subjects.Add(new Proto.ReleasedSubject { SubjectRef = subject.SubjectRef, Records = { record } });
            }

            return Task.FromResult(reply);
        }
    }
}
