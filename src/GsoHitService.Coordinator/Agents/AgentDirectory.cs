using System.Collections.Frozen;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Hosting;
using GsoHitService.Protocol.V1;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator.Agents;

/// <summary>
/// The agents of <c>Coordinator:Agents</c>, each with a client on one long-lived mutual-TLS
/// channel from <see cref="MutualTlsChannelProvider"/>. A channel per call would pay a TLS
/// handshake each time and can exhaust ephemeral ports. Channels connect on first use.
/// </summary>
internal sealed class AgentDirectory : IAgentDirectory
{
    private readonly FrozenDictionary<string, AgentConnection> _byDepartment;

    public AgentDirectory(IOptions<CoordinatorOptions> options, MutualTlsChannelProvider channels)
    {
        Agents = options.Value.Agents
            .Select(agent =>
            {
                var address = new Uri(agent.Address);
                var channel = channels.GetChannel(address, agent.ServerName);
                return new AgentConnection(agent.Department, address, new DepartmentAgent.DepartmentAgentClient(channel));
            })
            .ToArray();
        _byDepartment = Agents.ToFrozenDictionary(agent => agent.Department, StringComparer.Ordinal);
    }

    public IReadOnlyList<AgentConnection> Agents { get; }

    public AgentConnection? Find(string department) => _byDepartment.GetValueOrDefault(department);
}
