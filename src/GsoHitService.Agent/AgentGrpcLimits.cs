namespace GsoHitService.Agent;

/// <summary>gRPC message limits of the agent.</summary>
// TODO: Use the shared limit of GsoHitService.Hosting once it exists, so that coordinator and agent cannot drift apart.
internal static class AgentGrpcLimits
{
    /// <summary>Largest message, in bytes, that the agent sends or accepts: 4 MiB.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;
}
