using Grpc.Core;

namespace GsoHitService.Cli.Coordinator;

/// <summary>What a coordinator command's body works with: the lazily opened client, its writers and its token.</summary>
internal sealed class CoordinatorCommandContext(CoordinatorSession session, TextWriter output, TextWriter error, TimeProvider timeProvider, CancellationToken cancellationToken)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The client; the first use reads the settings and checks the certificates.</summary>
    public Protocol.V1.Coordinator.CoordinatorClient Client => session.Client;

    /// <summary>Options for one call, with a fresh deadline.</summary>
    public CallOptions CallOptions() => session.CallOptions(CancellationToken);
}
