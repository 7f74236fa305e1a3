using GsoHitService.TestSupport;

namespace GsoHitService.Coordinator.Tests.Store;

/// <summary>
/// The store contract on a real PostgreSQL server named by <c>GSO_TEST_POSTGRES</c>; skipped
/// without it, except under CI, where the tests fail.
/// </summary>
public sealed class PostgresCoordinatorStoreTests(PostgresTestDatabase database)
    : CoordinatorStoreContractTests(new PostgresStoreTestBackend(database)), IClassFixture<PostgresTestDatabase>;
