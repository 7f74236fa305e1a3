using GsoHitService.Coordinator.Agents;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Decisions;
using GsoHitService.Decisions;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator;

/// <summary>
/// Opens what the coordinator needs before Kestrel takes calls: the matching key, the roster, the
/// audit log and the agent channels. A missing key file, a damaged audit log or a bad roster then
/// stops the start with its message, instead of failing the first call.
/// </summary>
internal sealed class CoordinatorStartup(IServiceProvider services, ILogger<CoordinatorStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var tokenizer = services.GetRequiredService<MatchTokenizer>();
        var roster = services.GetRequiredService<CoreTeamRoster>();
        var audit = services.GetRequiredService<CoordinatorAudit>();
        var agents = services.GetRequiredService<IAgentDirectory>();

        var context = DecisionRules.CurrentTokenContext(tokenizer);
        CoordinatorLog.CoordinatorStarting(
            logger,
            agents.Agents.Count,
            string.Join(", ", agents.Agents.Select(agent => agent.Department)),
            context.TokenSchemeVersion,
            context.NormaliserProfile,
            context.KeyEpoch,
            roster.Members.Count,
            audit.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
