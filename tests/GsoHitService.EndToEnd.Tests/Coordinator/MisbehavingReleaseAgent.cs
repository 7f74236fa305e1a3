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
/// A stand-in department agent on real Kestrel with mutual TLS that can release a field outside the
/// privacy check 2 decision, which a correct agent never does, so that tests can check that the
/// coordinator rejects such a release. It releases one record per subject named in the decision
/// with made-up values for exactly the decision's fields, plus <see cref="ReleaseBehaviour.UnapprovedField"/>
/// when set. It verifies no signatures and implements no hit queries, so use it only as the target
/// of a content release. Every other test uses real agents (<see cref="TestAgent"/>).
/// </summary>
internal sealed class MisbehavingReleaseAgent : IAsyncDisposable
{
    private readonly TempDirectory _contentRoot;

    private MisbehavingReleaseAgent(TempDirectory contentRoot, WebApplication app, ReleaseBehaviour behaviour)
    {
        _contentRoot = contentRoot;
        App = app;
        Behaviour = behaviour;
    }

    public WebApplication App { get; }

    public Uri Address => new(App.Urls.First());

    public ReleaseBehaviour Behaviour { get; }

    public static async Task<MisbehavingReleaseAgent> StartAsync(string department, string keyEpoch)
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

            var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot.Path, EnvironmentName = Environments.Production });
            builder.Logging.ClearProviders();
            builder.AddMutualTlsGrpcServer("Server");
            var behaviour = new ReleaseBehaviour(department, keyEpoch);
            builder.Services.AddSingleton(behaviour);

            var app = builder.Build();
            app.MapGrpcService<Service>();
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new MisbehavingReleaseAgent(contentRoot, app, behaviour);
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

    /// <summary>The department the agent reports and the field it adds to a release, which tests change between calls.</summary>
    internal sealed class ReleaseBehaviour(string department, string keyEpoch)
    {
        public string Department { get; } = department;

        public string KeyEpoch { get; } = keyEpoch;

        /// <summary>A field outside the decision to add to each released record, or null to release only the decision's fields.</summary>
        public string? UnapprovedField { get; set; }
    }

    private sealed class Service(ReleaseBehaviour behaviour) : Proto.DepartmentAgent.DepartmentAgentBase
    {
        public override Task<Proto.AgentInfo> GetAgentInfo(Proto.AgentInfoRequest request, ServerCallContext context) =>
            Task.FromResult(new Proto.AgentInfo
            {
                Department = behaviour.Department,
                DisplayName = "Afwijkende afdeling (test)",
                Context = new Proto.MatchContext { TokenSchemeVersion = TokenScheme.Version, NormaliserProfile = NormaliserProfile.Id, KeyEpoch = behaviour.KeyEpoch },
                IndexState = Proto.IndexState.Ready,
            });

        public override Task<Proto.ContentReleaseReply> ReleaseContent(Proto.ContentReleaseRequest request, ServerCallContext context)
        {
            var decision = (PrivacyCheck2Decision)DecisionEncoding.Decode(request.Decision.Payload.Span);
            var reply = new Proto.ContentReleaseReply();
            foreach (var subject in decision.Subjects)
            {
                var record = new Proto.ReleasedRecord { Source = "testregister" };
                foreach (var field in decision.Fields)
                {
                    record.Fields[field] = $"{field} van {subject.SubjectRef[..8]}";
                }

                if (behaviour.UnapprovedField is { } unapproved)
                {
                    record.Fields[unapproved] = "niet vrijgegeven";
                }

                reply.Subjects.Add(new Proto.ReleasedSubject { SubjectRef = subject.SubjectRef, Records = { record } });
            }

            return Task.FromResult(reply);
        }
    }
}
