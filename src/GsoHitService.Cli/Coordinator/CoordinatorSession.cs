using Grpc.Core;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Opens the connection to the coordinator on first use, so that a command checks its own input
/// first and reports invalid input without needing (or reading) any connection setting.
/// </summary>
internal sealed class CoordinatorSession(ConnectionInput input, TimeSpan defaultTimeout, SettingsEnvironment environment, TimeProvider timeProvider) : IDisposable
{
    private CoordinatorConnection? _connection;

    /// <summary>The connection, or null while no call has been made.</summary>
    public CoordinatorConnection? OpenedConnection => _connection;

    /// <exception cref="CoordinatorCommandException">A setting is missing or a certificate file is unusable.</exception>
    public CoordinatorConnection Connection =>
        _connection ??= CoordinatorConnection.Open(CoordinatorSettingsLoader.Load(input, environment, defaultTimeout), timeProvider);

    public Protocol.V1.Coordinator.CoordinatorClient Client => Connection.Client;

    public CallOptions CallOptions(CancellationToken cancellationToken) => Connection.CallOptions(cancellationToken);

    public void Dispose() => _connection?.Dispose();
}
