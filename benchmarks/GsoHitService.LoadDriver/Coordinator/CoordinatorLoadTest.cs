using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using GsoHitService.Agent;
using GsoHitService.Coordinator;
using GsoHitService.Decisions;
using GsoHitService.Decisions.Keys;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Security.Cryptography.X509Certificates;
using IdentifierType = GsoHitService.Protocol.V1.IdentifierType;

namespace GsoHitService.LoadDriver.Coordinator;

/// <summary>
/// Starts four agents and a coordinator in this process on 127.0.0.1 with mutual TLS, real
/// SQLite, real audit logs and generated certificates and keys. It then measures through the
/// coordinator API, as the gso tool calls it, a bulk hit query of 100,000 identifiers to the four
/// agents (identifier checks per second, end to end), and hit queries of one subject with five
/// identifiers (latency percentiles, warm channels).
/// </summary>
/// <remarks>
/// Client, coordinator and agents share the machine's cores. Every agent verifies the signed
/// decision of each query against its roster, as in production. A decision may be used once per
/// department, so every measured query gets its own privacy check 1, prepared and signed before
/// the clock starts.
/// </remarks>
internal static class CoordinatorLoadTest
{
    private const string KeyEpoch = "load-test";

    private static readonly string[] Departments = ["brp", "vergunningen", "belastingen", "sociaal-domein"];

    public static async Task<int> RunAsync(CoordinatorLoadTestOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gso-coordinator-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var apps = new List<WebApplication>();
        try
        {
            Console.WriteLine($"Preparing certificates, keys and {options.AgentPersons:N0} persons per agent in {folder}");
            var persons = LoadTestPersons.Create(options.AgentPersons * 2);
            using var files = LoadTestFiles.Create(folder);

            var agentAddresses = new List<(string Department, Uri Address)>();
            for (var i = 0; i < Departments.Length; i++)
            {
                // Each agent's export contains a different half of the persons, so answers mix hits and no hits.
                var held = persons.Skip(i * options.AgentPersons / 2).Take(options.AgentPersons);
                var agent = await StartAgentAsync(files, Departments[i], held);
                apps.Add(agent);
                agentAddresses.Add((Departments[i], new Uri(agent.Urls.First())));
            }

            var coordinator = await StartCoordinatorAsync(files, agentAddresses);
            apps.Add(coordinator);
            using var channel = CreateChannel(new Uri(coordinator.Urls.First()), files);
            var client = new GsoHitService.Protocol.V1.Coordinator.CoordinatorClient(channel);
            Console.WriteLine($"Four agents and the coordinator run at {coordinator.Urls.First()}");

            var report = new StringBuilder();
            await MeasureBulkAsync(client, files, persons, options, report);
            await MeasureLatencyAsync(client, files, persons, options, report);
            Console.WriteLine();
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            foreach (var app in Enumerable.Reverse(apps))
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureBulkAsync(
        GsoHitService.Protocol.V1.Coordinator.CoordinatorClient client, LoadTestFiles files, LoadTestPerson[] persons, CoordinatorLoadTestOptions options, StringBuilder report)
    {
        // Each subject has a BSN and an address, so the signal has BulkIdentifiers identifiers.
        var request = new RegisterSignalRequest { Title = "Bulk", Reporter = "load test", Description = "" };
        var random = new Random(7);
        for (var i = 0; i < options.BulkIdentifiers / 2; i++)
        {
            var person = persons[random.Next(persons.Length)];
            var subject = new SubjectInput { Label = i.ToString(CultureInfo.InvariantCulture), Kind = "persoon" };
            subject.Identifiers.Add(new IdentifierInput { Type = IdentifierType.Bsn, Value = person.Bsn });
            subject.Identifiers.Add(new IdentifierInput { Type = IdentifierType.Address, Value = person.Address });
            request.Subjects.Add(subject);
        }

        var started = Stopwatch.GetTimestamp();
        var signal = await client.RegisterSignalAsync(request, deadline: Deadline(120));
        Console.WriteLine($"Registered a signal with {options.BulkIdentifiers:N0} identifiers ({request.CalculateSize():N0} bytes) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        var checks = (double)options.BulkIdentifiers * Departments.Length;
        var durations = new List<double>();
        for (var round = 0; round < options.BulkWarmup + options.BulkRounds; round++)
        {
            var decision = await RecordPrivacyCheck1Async(client, files, signal.SignalId);
            started = Stopwatch.GetTimestamp();
            var result = await client.RunHitQueryAsync(new RunHitQueryRequest { SignalId = signal.SignalId, DecisionId = decision.DecisionId }, deadline: Deadline(300));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            RequireAnswered(result);
            if (round >= options.BulkWarmup)
            {
                durations.Add(seconds);
            }

            Console.WriteLine($"Bulk round {round + 1}: {seconds:F2} s, {checks / seconds / 1e3:N0} thousand checks/s");
        }

        report.AppendLine(CultureInfo.InvariantCulture,
            $"Bulk RunHitQuery, {options.BulkIdentifiers:N0} identifiers ({options.BulkIdentifiers / 2:N0} subjects) to {Departments.Length} agents, {durations.Count} rounds after {options.BulkWarmup} warm-up: " +
            $"median {Median(durations):F2} s = {checks / Median(durations) / 1e3:N0} thousand identifier checks/s end to end (best {checks / durations.Min() / 1e3:N0} thousand/s)");
    }

    private static async Task MeasureLatencyAsync(
        GsoHitService.Protocol.V1.Coordinator.CoordinatorClient client, LoadTestFiles files, LoadTestPerson[] persons, CoordinatorLoadTestOptions options, StringBuilder report)
    {
        var person = persons[3];
        var request = new RegisterSignalRequest { Title = "Enkel", Reporter = "load test", Description = "" };
        var subject = new SubjectInput { Label = "Betrokkene", Kind = "persoon" };
        subject.Identifiers.Add(new IdentifierInput { Type = IdentifierType.Bsn, Value = person.Bsn });
        subject.Identifiers.Add(new IdentifierInput { Type = IdentifierType.Address, Value = person.Address });
        subject.Identifiers.Add(new IdentifierInput { Type = IdentifierType.LicencePlate, Value = "12-BDF-3" });
        subject.Identifiers.Add(new IdentifierInput { Type = IdentifierType.Iban, Value = "NL91ABNA0417164300" });
        subject.Identifiers.Add(new IdentifierInput { Type = IdentifierType.SurnameBirthDate, Value = "Jansen;19850307" });
        request.Subjects.Add(subject);
        var signal = await client.RegisterSignalAsync(request, deadline: Deadline(30));

        for (var i = 0; i < options.LatencyWarmup; i++)
        {
            var warmup = await RecordPrivacyCheck1Async(client, files, signal.SignalId);
            RequireAnswered(await client.RunHitQueryAsync(new RunHitQueryRequest { SignalId = signal.SignalId, DecisionId = warmup.DecisionId }, deadline: Deadline(30)));
        }

        var durations = new double[options.LatencyRequests];
        for (var i = 0; i < durations.Length; i++)
        {
            var decision = await RecordPrivacyCheck1Async(client, files, signal.SignalId);
            var query = new RunHitQueryRequest { SignalId = signal.SignalId, DecisionId = decision.DecisionId };
            var started = Stopwatch.GetTimestamp();
            var result = await client.RunHitQueryAsync(query, deadline: Deadline(30));
            durations[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            RequireAnswered(result);
        }

        var sorted = durations.Order().ToArray();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"RunHitQuery of one subject with 5 identifiers to {Departments.Length} agents, sequential: {durations.Length} queries after {options.LatencyWarmup} warm-up, " +
            $"p50 {Percentile(sorted, 50):F2} ms, p90 {Percentile(sorted, 90):F2} ms, p99 {Percentile(sorted, 99):F2} ms, max {sorted[^1]:F2} ms");
    }

    private static async Task<DecisionView> RecordPrivacyCheck1Async(GsoHitService.Protocol.V1.Coordinator.CoordinatorClient client, LoadTestFiles files, string signalId)
    {
        var prepare = new PreparePrivacyCheck1Request
        {
            SignalId = signalId,
            Purpose = "Meting",
            LegalBasis = "Gemeentewet art. 174a",
            ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        };
        prepare.Scopes.AddRange(Departments.Select(department => new DepartmentScope { Department = department }));
        var prepared = await client.PreparePrivacyCheck1Async(prepare, deadline: Deadline(120));

        var signed = new GsoHitService.Protocol.V1.SignedDecision { Payload = prepared.Payload };
        // The privacy officer and the chair meet the default privacy check 1 policy.
        foreach (var member in files.Members.Take(2))
        {
            var signature = member.Sign(prepared.Payload.Span);
            signed.Signatures.Add(new GsoHitService.Protocol.V1.DecisionSignature { MemberId = signature.MemberId, Signature = ByteString.CopyFrom(signature.Signature.Span) });
        }

        return await client.SubmitSignedDecisionAsync(new SubmitSignedDecisionRequest { Decision = signed }, deadline: Deadline(30));
    }

    /// <summary>A failed department would make the figures meaningless, so any outcome but answered stops the run.</summary>
    private static void RequireAnswered(HitQueryResult result)
    {
        var failed = result.Departments.FirstOrDefault(outcome => outcome.Outcome != DepartmentOutcome.Answered);
        if (failed is not null)
        {
            throw new InvalidOperationException($"Department {failed.Department} did not answer ({failed.Outcome}): {failed.Reason}");
        }
    }

    private static async Task<WebApplication> StartAgentAsync(LoadTestFiles files, string department, IEnumerable<LoadTestPerson> held)
    {
        var contentRoot = files.CreateContentRoot(department);
        using (var writer = new StreamWriter(Path.Combine(contentRoot, "export.csv"), append: false, new UTF8Encoding(false)))
        {
            writer.Write("bsn;postcode;huisnummer\n");
            foreach (var person in held)
            {
                writer.Write($"{person.Bsn};{person.Postcode};{person.HouseNumber}\n");
            }
        }

        File.WriteAllText(Path.Combine(contentRoot, "appsettings.json"), new JsonObject
        {
            ["Server"] = files.ServerSection(),
            ["Agent"] = new JsonObject
            {
                ["Department"] = department,
                ["DisplayName"] = department,
                ["MatchingKeyFile"] = "matching.gsokey",
                ["Index"] = new JsonObject { ["WatchSourceFiles"] = false },
                ["Limits"] = new JsonObject { ["MaxProbesPerRequest"] = 200_000, ["MaxProbesPerCaller"] = 1_000_000_000, ["QuotaWindow"] = "01:00:00" },
                ["Sources"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "export",
                    ["Kind"] = "Csv",
                    ["Path"] = "export.csv",
                    ["Csv"] = new JsonObject { ["Delimiter"] = ";", ["Encoding"] = "utf-8" },
                    ["Identifiers"] = new JsonArray(
                        new JsonObject { ["Type"] = "bsn", ["Field"] = "bsn" },
                        new JsonObject { ["Type"] = "adres", ["Address"] = new JsonObject { ["Postcode"] = "postcode", ["HouseNumber"] = "huisnummer" } }),
                }),
            },
            ["CoreTeam"] = files.RosterSection(),
            ["Logging"] = QuietLogging(),
        }.ToJsonString());

        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = Environments.Production });
        builder.AddAgent();
        var app = builder.Build();
        app.MapAgent();
        await app.StartAsync();

        var index = app.Services.GetRequiredService<GsoHitService.Agent.Indexing.IndexManager>();
        while (index.CompletedLoads == 0)
        {
            await Task.Delay(50);
        }

        if (index.Current.State != GsoHitService.Agent.Indexing.IndexState.Ready)
        {
            throw new InvalidOperationException($"The index of agent {department} did not load: {index.Current.UnavailableReason}");
        }

        return app;
    }

    private static async Task<WebApplication> StartCoordinatorAsync(LoadTestFiles files, IEnumerable<(string Department, Uri Address)> agents)
    {
        var contentRoot = files.CreateContentRoot("coordinator");
        var agentList = new JsonArray();
        foreach (var (department, address) in agents)
        {
            agentList.Add(new JsonObject { ["Department"] = department, ["Address"] = address.ToString() });
        }

        File.WriteAllText(Path.Combine(contentRoot, "appsettings.json"), new JsonObject
        {
            ["Server"] = files.ServerSection(),
            ["AgentClient"] = new JsonObject
            {
                ["Certificate"] = new JsonObject { ["Path"] = "client.crt.pem", ["KeyPath"] = "client.key.pem" },
                ["TrustedCaPath"] = "ca.crt.pem",
            },
            ["Coordinator"] = new JsonObject
            {
                ["MatchingKeyFile"] = "matching.gsokey",
                ["Store"] = new JsonObject { ["DataFolder"] = "data", ["DataKeyFile"] = "keys/data.key", ["CreateDataKeyIfMissing"] = true },
                ["Agents"] = agentList,
                ["Queries"] = new JsonObject { ["AgentDeadline"] = "00:05:00" },
            },
            ["CoreTeam"] = files.RosterSection(),
            ["Logging"] = QuietLogging(),
        }.ToJsonString());

        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = Environments.Production });
        builder.AddCoordinator();
        var app = builder.Build();
        app.MapCoordinator();
        await app.StartAsync();
        return app;
    }

    private static GrpcChannel CreateChannel(Uri address, LoadTestFiles files) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                        certificate is not null && string.Equals(certificate.GetCertHashString(), files.ServerThumbprint, StringComparison.Ordinal),
                    LocalCertificateSelectionCallback = (_, _, _, _, _) => files.ClientCertificate,
                },
            },
            DisposeHttpClient = true,
            MaxReceiveMessageSize = GrpcLimits.MaxMessageBytes,
            MaxSendMessageSize = GrpcLimits.MaxMessageBytes,
        });

    /// <summary>Warnings only, except the coordinator's timing line per hit query.</summary>
    private static JsonObject QuietLogging() => new()
    {
        ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["GsoHitService.Coordinator.Queries.HitQueryRunner"] = "Information" },
    };

    private static DateTime Deadline(int seconds) => DateTime.UtcNow.AddSeconds(seconds);

    private static double Median(List<double> values) => Percentile([.. values.Order()], 50);

    private static double Percentile(double[] sorted, int percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

/// <summary>Sizes of a coordinator load test.</summary>
/// <param name="AgentPersons">Persons in each agent's export (two tokens each).</param>
/// <param name="BulkIdentifiers">Identifiers in the bulk signal: half as many subjects with a BSN and an address.</param>
internal sealed record CoordinatorLoadTestOptions(
    int AgentPersons = 200_000,
    int BulkIdentifiers = 100_000,
    int BulkWarmup = 1,
    int BulkRounds = 5,
    int LatencyWarmup = 300,
    int LatencyRequests = 2_000);

/// <summary>A made-up person: an elfproef-valid BSN and a valid address.</summary>
internal sealed record LoadTestPerson(string Bsn, string Postcode, string HouseNumber)
{
    public string Address => $"{Postcode};{HouseNumber}";
}

internal static class LoadTestPersons
{
    public static LoadTestPerson[] Create(int count)
    {
        var persons = new List<LoadTestPerson>(count);
        for (var prefix = 10_000_000; persons.Count < count; prefix++)
        {
            var digits = prefix.ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (digits[i] - '0') * (9 - i);
            }

            // Elfproef: the weighted sum minus the check digit is a multiple of 11.
            if (sum % 11 != 10)
            {
                var row = persons.Count;
                persons.Add(new LoadTestPerson(digits + (char)('0' + (sum % 11)), $"{1000 + (row % 9000)}AB", (1 + (row / 9000)).ToString(CultureInfo.InvariantCulture)));
            }
        }

        return [.. persons];
    }
}

/// <summary>
/// Generated certificates (one CA, a loopback server certificate for every host, one client
/// certificate), the matching key and three kerngroep members, written into per-host content roots.
/// </summary>
internal sealed class LoadTestFiles : IDisposable
{
    private readonly string _folder;
    private readonly DevelopmentCertificateAuthority _authority;
    private readonly X509Certificate2 _server;
    private readonly MatchingKey _key;

    private LoadTestFiles(string folder)
    {
        _folder = folder;
        _authority = DevelopmentCertificateAuthority.Create("GSO load test CA");
        _server = _authority.IssueServerCertificate("gso-load-test");
        ClientCertificate = _authority.IssueClientCertificate("coordinator");
        _key = MatchingKey.Generate(KeyEpoch);
        Members =
        [
            MemberSigningKey.Generate("po-1", "Privacy officer", CoreTeamRole.PrivacyOfficer),
            MemberSigningKey.Generate("vz-1", "Voorzitter", CoreTeamRole.Chair),
            MemberSigningKey.Generate("jurist-1", "Jurist", CoreTeamRole.LegalAdviser),
        ];
    }

    private const string KeyEpoch = "load-test";

    public X509Certificate2 ClientCertificate { get; }

    public string ServerThumbprint => _server.Thumbprint;

    public IReadOnlyList<MemberSigningKey> Members { get; }

    public static LoadTestFiles Create(string folder) => new(folder);

    /// <summary>Creates a host's content root with the CA, server and client certificates and the matching key.</summary>
    public string CreateContentRoot(string name)
    {
        var root = Path.Combine(_folder, name);
        Directory.CreateDirectory(root);
        CertificateFiles.WritePem(_authority.Certificate, Path.Combine(root, "ca.crt.pem"));
        CertificateFiles.WritePem(_server, Path.Combine(root, "server.crt.pem"), Path.Combine(root, "server.key.pem"));
        CertificateFiles.WritePem(ClientCertificate, Path.Combine(root, "client.crt.pem"), Path.Combine(root, "client.key.pem"));
        MatchingKeyFile.Write(Path.Combine(root, "matching.gsokey"), _key);
        return root;
    }

    public JsonObject ServerSection() => new()
    {
        ["Endpoints"] = new JsonArray("https://127.0.0.1:0"),
        ["Certificate"] = new JsonObject { ["Path"] = "server.crt.pem", ["KeyPath"] = "server.key.pem" },
        ["ClientCertificates"] = new JsonObject { ["TrustedCaPath"] = "ca.crt.pem", ["AllowedSubjects"] = new JsonArray("coordinator") },
    };

    public JsonObject RosterSection() => LoadDriver.RosterSection.From(Members);

    public void Dispose()
    {
        foreach (var member in Members)
        {
            member.Dispose();
        }

        _key.Dispose();
        ClientCertificate.Dispose();
        _server.Dispose();
        _authority.Dispose();
    }
}
