using System.Diagnostics;
using System.Globalization;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// Waits until the coordinator reports every agent reachable, compatible and with a loaded index,
/// asking it as <c>gso status</c> does. A query sent earlier would get "niet beschikbaar" cells.
/// </summary>
internal static class DemoReadiness
{
    /// <summary>
    /// How long the first index loads may take. The demo exports load in about a second, so the
    /// limit leaves room for a much slower machine and still ends a run that hangs.
    /// </summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <exception cref="DemoFailedException">An index load failed, or the indexes were not ready in time.</exception>
    public static async Task WaitAsync(DemoEnvironment environment, DemoProgress progress, CancellationToken cancellationToken)
    {
        progress.Step(DemoStrings.StepWaitingForIndexes);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var reply = await DemoCalls.CallAsync(environment.Operator, (client, options) => client.ListAgentsAsync(new ListAgentsRequest(), options), cancellationToken);

            var failed = reply.Agents.FirstOrDefault(agent => agent.Info?.IndexState == IndexState.Failed);
            if (failed is not null)
            {
                throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.IndexFailed, failed.Department, failed.Info.UnavailableReason, environment.Folder.Agent(failed.Department)));
            }

            if (reply.Agents.Count > 0 && reply.Agents.All(IsReady))
            {
                foreach (var agent in reply.Agents)
                {
                    progress.Detail(DemoText.Format(DemoStrings.IndexReady, agent.Department, agent.Info.IndexedTokenCount.ToString("N0", CultureInfo.CurrentCulture)));
                }

                return;
            }

            if (Stopwatch.GetElapsedTime(started) > Limit)
            {
                var waiting = reply.Agents.Where(agent => !IsReady(agent)).Select(Describe);
                throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.IndexTimeout, (int)Limit.TotalSeconds, string.Join("; ", waiting)));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static bool IsReady(AgentStatus agent) =>
        agent.Reachable && agent.Compatible && agent.Info?.IndexState == IndexState.Ready;

    private static string Describe(AgentStatus agent) =>
        agent.Problem.Length > 0 ? $"{agent.Department}: {agent.Problem}" : agent.Department;
}
