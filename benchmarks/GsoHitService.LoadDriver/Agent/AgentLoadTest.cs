using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using GsoHitService.Agent;
using GsoHitService.Hosting;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using IdentifierType = GsoHitService.Matching.IdentifierType;
using WireType = GsoHitService.Protocol.V1.IdentifierType;

namespace GsoHitService.LoadDriver.Agent;

/// <summary>
/// Starts one agent in this process on 127.0.0.1 with mutual TLS, a CSV source of made-up
/// persons and its real audit log, then measures from a client that uses the coordinator's
/// channel set-up (<see cref="MutualTlsChannelProvider"/>):
/// bulk hit queries of 100,000 tokens (token checks per second, end to end) and single queries of
/// 5 tokens (latency percentiles).
/// </summary>
/// <remarks>
/// Client and agent share the machine's cores, so the figures include the client's work. Every
/// request carries its own signed privacy check 1 decision, which the agent verifies and records
/// as used (one fsync) as in production; the decisions are signed before the clock starts.
/// </remarks>
internal static class AgentLoadTest
{
    private const string KeyEpoch = "load-test";

    private const string Department = "brp";

    public static async Task<int> RunAsync(AgentLoadTestOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gso-agent-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"Preparing {options.Persons:N0} persons, certificates and key in {folder}");
            var bsns = MakeBsns(options.Persons * 2);
            using var decisions = new LoadTestDecisions();
            var setup = Prepare(folder, bsns.Take(options.Persons), options.AuditLogPath, decisions);

            await using var app = BuildAgent(folder);
            await app.StartAsync();
            var started = Stopwatch.GetTimestamp();
            await WaitUntilReadyAsync(app);
            Console.WriteLine($"Agent ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s at {app.Urls.First()}");

            using var channels = CreateChannelProvider(folder);
            var client = new DepartmentAgent.DepartmentAgentClient(channels.GetChannel(new Uri(app.Urls.First())));
            using var tokenizer = new MatchTokenizer(setup.Key);

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Agent with {options.Persons:N0} persons ({options.Persons * 2:N0} tokens), audit log in {options.AuditLogPath ?? "the content root"}, signed decisions verified, load average {ReadLoadAverage()}.");
            await MeasureBulkAsync(client, tokenizer, decisions, bsns, options, report);
            await MeasureLatencyAsync(client, tokenizer, decisions, bsns, options, report);
            Console.WriteLine();
            Console.WriteLine(report);

            await app.StopAsync();
            setup.Key.Dispose();
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureBulkAsync(
        DepartmentAgent.DepartmentAgentClient client, MatchTokenizer tokenizer, LoadTestDecisions decisions, string[] bsns, AgentLoadTestOptions options, StringBuilder report)
    {
        // Requests pick BSNs at random from twice the indexed set, so about half of the tokens are held.
        var templates = Enumerable.Range(0, 8)
            .Select(round => BulkRequest(tokenizer, bsns, options.BulkTokens, seed: round))
            .ToArray();

        for (var i = 0; i < 3; i++)
        {
            await client.QueryHitsAsync(decisions.Approve(templates[i % templates.Length], Department), deadline: DateTime.UtcNow.AddSeconds(30));
        }

        foreach (var concurrency in new[] { 1, 2 })
        {
            var requests = Enumerable.Range(0, options.BulkRequests).Select(i => decisions.Approve(templates[i % templates.Length], Department)).ToArray();
            var durations = new List<double>();
            var stopwatch = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(async worker =>
            {
                for (var i = 0; i < options.BulkRequests / concurrency; i++)
                {
                    var request = requests[worker + (i * concurrency)];
                    var started = Stopwatch.GetTimestamp();
                    var reply = await client.QueryHitsAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
                    CheckBulkReply(reply, options.BulkTokens);
                    lock (durations)
                    {
                        durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }).ToArray();
            await Task.WhenAll(workers);
            stopwatch.Stop();

            var tokens = (double)durations.Count * options.BulkTokens;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Bulk QueryHits, {options.BulkTokens:N0} tokens per request, {concurrency} concurrent: {durations.Count} requests, " +
                $"{tokens / stopwatch.Elapsed.TotalSeconds / 1e6:F2} million token checks/s, request p50 {Percentile(durations, 50):F1} ms, p99 {Percentile(durations, 99):F1} ms");
        }
    }

    private static async Task MeasureLatencyAsync(
        DepartmentAgent.DepartmentAgentClient client, MatchTokenizer tokenizer, LoadTestDecisions decisions, string[] bsns, AgentLoadTestOptions options, StringBuilder report)
    {
        var templates = Enumerable.Range(0, 64)
            .Select(round => BulkRequest(tokenizer, bsns, 5, seed: 100 + round))
            .ToArray();

        for (var i = 0; i < options.LatencyWarmup; i++)
        {
            await client.QueryHitsAsync(decisions.Approve(templates[i % templates.Length], Department), deadline: DateTime.UtcNow.AddSeconds(10));
        }

        var requests = Enumerable.Range(0, options.LatencyRequests).Select(i => decisions.Approve(templates[i % templates.Length], Department)).ToArray();
        var durations = new double[options.LatencyRequests];
        for (var i = 0; i < durations.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await client.QueryHitsAsync(requests[i], deadline: DateTime.UtcNow.AddSeconds(10));
            durations[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            CheckBulkReply(reply, 5);
        }

        report.AppendLine(CultureInfo.InvariantCulture,
            $"Single QueryHits of 5 tokens, sequential: {durations.Length} requests, p50 {Percentile(durations, 50):F3} ms, p90 {Percentile(durations, 90):F3} ms, " +
            $"p99 {Percentile(durations, 99):F3} ms, max {durations.Max():F3} ms");
    }

    private static HitQueryRequest BulkRequest(MatchTokenizer tokenizer, string[] bsns, int tokenCount, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[tokenCount * MatchToken.Length];
        for (var i = 0; i < tokenCount; i++)
        {
            var bsn = bsns[random.Next(bsns.Length)];
            tokenizer.ComputeToken(new CanonicalIdentifier(IdentifierType.Bsn, [bsn])).CopyTo(bytes.AsSpan(i * MatchToken.Length));
        }

        var request = new HitQueryRequest
        {
            QueryId = $"load-{seed}",
            Context = new MatchContext { TokenSchemeVersion = TokenScheme.Version, NormaliserProfile = NormaliserProfile.Id, KeyEpoch = KeyEpoch },
        };
        request.Probes.Add(new ProbeGroup { IdentifierType = WireType.Bsn, Tokens = UnsafeByteOperations.UnsafeWrap(bytes) });
        return request;
    }

    private static void CheckBulkReply(HitQueryReply reply, int tokenCount)
    {
        var answers = reply.Answers[0].Answers;
        if (answers.Count != tokenCount || answers.Any(answer => answer is not (HitAnswer.Hit or HitAnswer.NoHit)))
        {
            throw new InvalidOperationException("The agent returned answers other than hit or no hit; the measurement is void.");
        }
    }

    private static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double Percentile(IReadOnlyCollection<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static string[] MakeBsns(int count)
    {
        var bsns = new List<string>(count);
        for (var prefix = 10_000_000; bsns.Count < count; prefix++)
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
                bsns.Add(digits + (char)('0' + (sum % 11)));
            }
        }

        return [.. bsns];
    }

    private static PreparedFiles Prepare(string folder, IEnumerable<string> heldBsns, string? auditLogPath, LoadTestDecisions decisions)
    {
        using var authority = DevelopmentCertificateAuthority.Create("GSO load test CA");
        using var server = authority.IssueServerCertificate("agent-load-test");
        using var client = authority.IssueClientCertificate("coordinator");
        CertificateFiles.WritePem(authority.Certificate, Path.Combine(folder, "ca.crt.pem"));
        CertificateFiles.WritePem(server, Path.Combine(folder, "server.crt.pem"), Path.Combine(folder, "server.key.pem"));
        CertificateFiles.WritePem(client, Path.Combine(folder, "client.crt.pem"), Path.Combine(folder, "client.key.pem"));

        var key = MatchingKey.Generate(KeyEpoch);
        MatchingKeyFile.Write(Path.Combine(folder, "matching.gsokey"), key);

        using (var writer = new StreamWriter(Path.Combine(folder, "personen.csv"), append: false, new UTF8Encoding(false)))
        {
            writer.Write("bsn;postcode;huisnummer\n");
            var row = 0;
            foreach (var bsn in heldBsns)
            {
                writer.Write($"{bsn};{1000 + (row % 9000)}AB;{1 + (row / 9000)}\n");
                row++;
            }
        }

        File.WriteAllText(Path.Combine(folder, "appsettings.json"), $$"""
            {
              "Server": {
                "Endpoints": [ "https://127.0.0.1:0" ],
                "Certificate": { "Path": "server.crt.pem", "KeyPath": "server.key.pem" },
                "ClientCertificates": { "TrustedCaPath": "ca.crt.pem", "AllowedSubjects": [ "coordinator" ] }
              },
              "Agent": {
                "Department": "{{Department}}",
                "DisplayName": "Basisregistratie Personen",
                "MatchingKeyFile": "matching.gsokey",
                "AuditLogPath": "{{(auditLogPath ?? "audit/agent-audit.log").Replace("\\", "/", StringComparison.Ordinal)}}",
                "Limits": { "MaxProbesPerRequest": 200000, "MaxProbesPerCaller": 1000000000, "QuotaWindow": "01:00:00" },
                "Sources": [
                  {
                    "Name": "personen",
                    "Kind": "Csv",
                    "Path": "personen.csv",
                    "Csv": { "Delimiter": ";", "Encoding": "utf-8" },
                    "Identifiers": [
                      { "Type": "bsn", "Field": "bsn" },
                      { "Type": "adres", "Address": { "Postcode": "postcode", "HouseNumber": "huisnummer" } }
                    ]
                  }
                ]
              },
              "CoreTeam": {{decisions.Roster().ToJsonString()}},
              "Logging": { "LogLevel": { "Default": "Warning" } }
            }
            """);
        return new PreparedFiles(key);
    }

    private static WebApplication BuildAgent(string folder)
    {
        var builder = GsoServiceHost.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = folder,
            EnvironmentName = Environments.Production,
        });
        builder.AddAgent();
        var app = builder.Build();
        app.MapAgent();
        return app;
    }

    private static async Task WaitUntilReadyAsync(WebApplication app)
    {
        var index = app.Services.GetRequiredService<GsoHitService.Agent.Indexing.IndexManager>();
        while (index.CompletedLoads == 0)
        {
            await Task.Delay(50);
        }

        if (index.Current.State != GsoHitService.Agent.Indexing.IndexState.Ready)
        {
            throw new InvalidOperationException($"The index did not load: {index.Current.UnavailableReason}");
        }
    }

    private static MutualTlsChannelProvider CreateChannelProvider(string folder)
    {
        var clientOptions = new MutualTlsClientOptions
        {
            Certificate = new CertificateSourceOptions { Path = "client.crt.pem", KeyPath = "client.key.pem" },
            TrustedCaPath = "ca.crt.pem",
        };
        var environment = new LoadTestEnvironment(folder);
        return new MutualTlsChannelProvider(Options.Create(clientOptions), environment, NullLoggerFactory.Instance);
    }

    private sealed record PreparedFiles(MatchingKey Key);

    private sealed class LoadTestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "GsoHitService.LoadDriver";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.PhysicalFileProvider(contentRoot);
    }
}

/// <summary>Sizes of an agent load test.</summary>
/// <param name="AuditLogPath">Where the agent writes its audit log; null for the default in the content root.</param>
internal sealed record AgentLoadTestOptions(
    int Persons = 1_000_000,
    int BulkTokens = 100_000,
    int BulkRequests = 40,
    int LatencyWarmup = 2_000,
    int LatencyRequests = 20_000,
    string? AuditLogPath = null);
