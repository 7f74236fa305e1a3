using System.Data.Common;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GsoHitService.Coordinator.Tests.Store;

/// <summary>
/// The behaviour every store implementation must have, run against a real database of each
/// engine by the subclasses. Each test starts from an empty database.
/// </summary>
public abstract partial class CoordinatorStoreContractTests : IDisposable
{
    private readonly StoreTestBackend _backend;
    private readonly ILoggerFactory _loggerFactory;

    protected CoordinatorStoreContractTests(StoreTestBackend backend)
    {
        _backend = backend;
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    /// <summary>A clock with sub-microsecond ticks, to check that timestamps are truncated the same way everywhere.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567));

    protected CapturingLoggerProvider Logs { get; } = new();

    protected StoreTestBackend Backend => _backend;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Truncates to whole microseconds, the precision that the store keeps.</summary>
    protected static DateTimeOffset Microseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    protected Task<CoordinatorStoreOptions> NewDatabaseAsync() => _backend.CreateEmptyDatabaseAsync(Token);

    protected Task<ICoordinatorStore> OpenAsync(CoordinatorStoreOptions options) =>
        CoordinatorStoreFactory.OpenAsync(options, _backend.Folder.Path, _loggerFactory, Time, Token);

    protected async Task<ICoordinatorStore> OpenNewAsync() => await OpenAsync(await NewDatabaseAsync());

    /// <summary>Registers the test signal and a privacy check 1 decision for three departments.</summary>
    protected async Task<(Signal Signal, Decision Decision)> RegisterSignalWithDecisionAsync(ICoordinatorStore store)
    {
        var signal = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        var decision = await store.RecordDecisionAsync(
            StoreTestData.PrivacyCheck1(signal, StoreTestData.Brp, StoreTestData.Permits, StoreTestData.Taxes),
            Token);
        return (signal, decision);
    }

    /// <summary>Builds the whole chain: signal, decision, query with a hit, case, privacy check 2, release, privacy check 3.</summary>
    protected async Task<Scenario> BuildScenarioAsync(ICoordinatorStore store)
    {
        var (signal, privacyCheck1) = await RegisterSignalWithDecisionAsync(store);

        Time.Advance(TimeSpan.FromMinutes(5));
        var started = await store.StartHitQueryAsync(
            new NewHitQuery(signal.Id, privacyCheck1.Id, [StoreTestData.Brp, StoreTestData.Permits, StoreTestData.Taxes]),
            Token);

        Time.Advance(TimeSpan.FromSeconds(3));
        var query = await store.CompleteHitQueryAsync(started.Id, StoreTestData.CompletionWithHit(signal, Time.GetUtcNow().AddHours(-2)), Token);
        var @case = (await store.GetCaseAsync(query.CaseId!.Value, Token))!;

        Time.Advance(TimeSpan.FromDays(1));
        var privacyCheck2 = await store.RecordDecisionAsync(StoreTestData.PrivacyCheck2(signal, @case.Id), Token);

        Time.Advance(TimeSpan.FromMinutes(1));
        var release = await store.RecordContentReleaseAsync(StoreTestData.Release(privacyCheck2, signal), Token);

        Time.Advance(TimeSpan.FromMinutes(1));
        var entry = await store.RecordPrivacyCheck3Async(
            new NewPrivacyCheck3Entry(@case.Id, "handhaver", ["vergunningnummer"], "privacy-officer", "Nodig voor de controle ter plaatse"),
            Token);

        return new Scenario(signal, privacyCheck1, query, @case, privacyCheck2, release, entry);
    }

    protected async Task<DbConnection> OpenRawAsync(CoordinatorStoreOptions options) =>
        await _backend.OpenRawConnectionAsync(options, Token);

    protected static async Task<List<object?[]>> QueryRawAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    protected static async Task<int> ExecuteRawAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(Token);
    }

    /// <summary>Everything one test chain recorded.</summary>
    protected sealed record Scenario(
        Signal Signal,
        Decision PrivacyCheck1,
        HitQuery Query,
        Case Case,
        Decision PrivacyCheck2,
        ContentRelease Release,
        PrivacyCheck3Entry Entry);
}
