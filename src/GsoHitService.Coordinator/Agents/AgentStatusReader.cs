using Grpc.Core;
using GsoHitService.Coordinator.Configuration;
using GsoHitService.Coordinator.Decisions;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;
using Microsoft.Extensions.Options;

namespace GsoHitService.Coordinator.Agents;

/// <summary>
/// Asks every configured agent for its <see cref="AgentInfo"/> in parallel, each call with its own
/// deadline, and compares its department, token scheme, normaliser profile and key epoch with the
/// coordinator's.
/// </summary>
internal sealed class AgentStatusReader(
    IAgentDirectory agents,
    MatchTokenizer tokenizer,
    IOptions<CoordinatorOptions> options,
    TimeProvider timeProvider,
    ILogger<AgentStatusReader> logger)
{
    public async Task<IReadOnlyList<AgentStatus>> ReadAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(agents.Agents.Select(agent => ReadAsync(agent, cancellationToken)));

    private async Task<AgentStatus> ReadAsync(AgentConnection agent, CancellationToken cancellationToken)
    {
        var status = new AgentStatus { Department = agent.Department, Address = agent.Address.ToString() };
        var deadline = timeProvider.GetUtcNow().UtcDateTime + options.Value.Queries.AgentInfoDeadline;
        try
        {
            var info = await agent.Client.GetAgentInfoAsync(new AgentInfoRequest(), new CallOptions(deadline: deadline, cancellationToken: cancellationToken));
            status.Reachable = true;
            status.Info = info;

            var problems = FindIncompatibilities(agent, info);
            status.Compatible = problems.Count == 0;
            if (info.IndexState != IndexState.Ready)
            {
                var reason = string.IsNullOrWhiteSpace(info.UnavailableReason) ? "" : $": {info.UnavailableReason}";
                problems.Add($"The agent's index is {info.IndexState}{reason}, so it answers unavailable.");
            }

            status.Problem = string.Join(" ", problems);
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException or IOException or OperationCanceledException)
        {
            var failure = AgentCallFailure.Classify(exception);
            status.Reachable = false;
            status.Problem = $"The agent did not answer GetAgentInfo: {failure.Detail}";
            CoordinatorLog.AgentInfoFailed(logger, agent.Department, failure.Detail);
        }

        return status;
    }

    /// <summary>Describes in English for operators why the agent's tokens cannot be compared with the coordinator's; empty when they can.</summary>
    private List<string> FindIncompatibilities(AgentConnection agent, AgentInfo info)
    {
        var problems = new List<string>();
        if (!string.Equals(info.Department, agent.Department, StringComparison.Ordinal))
        {
            problems.Add($"The agent reports department \"{info.Department}\", but is configured for \"{agent.Department}\".");
        }

        var context = info.Context ?? new MatchContext();
        var current = DecisionRules.CurrentTokenContext(tokenizer);
        if (context.TokenSchemeVersion != current.TokenSchemeVersion)
        {
            problems.Add($"The agent uses token scheme {context.TokenSchemeVersion}; the coordinator uses {current.TokenSchemeVersion}.");
        }

        if (!string.Equals(context.NormaliserProfile, current.NormaliserProfile, StringComparison.Ordinal))
        {
            problems.Add($"The agent uses normaliser profile \"{context.NormaliserProfile}\"; the coordinator uses \"{current.NormaliserProfile}\".");
        }

        if (!string.Equals(context.KeyEpoch, current.KeyEpoch, StringComparison.Ordinal))
        {
            problems.Add($"The agent uses key epoch \"{context.KeyEpoch}\"; the coordinator uses \"{current.KeyEpoch}\".");
        }

        return problems;
    }
}
