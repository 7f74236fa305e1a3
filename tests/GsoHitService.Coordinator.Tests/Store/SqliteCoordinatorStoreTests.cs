namespace GsoHitService.Coordinator.Tests.Store;

/// <summary>The store contract on real SQLite files in temporary folders.</summary>
public sealed class SqliteCoordinatorStoreTests() : CoordinatorStoreContractTests(new SqliteStoreTestBackend());
