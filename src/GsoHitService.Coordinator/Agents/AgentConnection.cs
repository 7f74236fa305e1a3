using GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Agents;

/// <summary>A configured department agent with the client on its long-lived channel.</summary>
/// <param name="Department">Department code as decisions name it.</param>
/// <param name="Address">The agent's address, for listings and logs.</param>
/// <param name="Client">The gRPC client; every call on it shares one channel and its connection.</param>
internal sealed record AgentConnection(string Department, Uri Address, DepartmentAgent.DepartmentAgentClient Client);

/// <summary>The configured agents, by department.</summary>
internal interface IAgentDirectory
{
    /// <summary>Every configured agent, in configuration order.</summary>
    IReadOnlyList<AgentConnection> Agents { get; }

    /// <summary>Returns the agent of <paramref name="department"/>, or null when none is configured.</summary>
    AgentConnection? Find(string department);
}
