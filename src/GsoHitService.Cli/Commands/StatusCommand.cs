using System.CommandLine;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Commands;

/// <summary>
/// <c>gso status</c>: each agent configured at the coordinator, with whether it is reachable, its
/// index state and freshness, and whether its token scheme, profile and key epoch match.
/// </summary>
internal static class StatusCommand
{
    internal static Command Create()
    {
        var connection = new ConnectionOptions();
        var command = new Command("status", CoordinatorStrings.StatusDescription);
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CoordinatorCommandRunner.RunAsync(parseResult, connection, async context =>
        {
            var reply = await context.Client.ListAgentsAsync(new ListAgentsRequest(), context.CallOptions());
            Write(reply, context.Output, new LocalTimes(context.TimeProvider));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void Write(ListAgentsReply reply, TextWriter output, LocalTimes times)
    {
        if (reply.Agents.Count == 0)
        {
            output.WriteLine(CoordinatorStrings.StatusNoAgents);
            return;
        }

        foreach (var agent in reply.Agents)
        {
            output.WriteLine(Messages.Format(CoordinatorStrings.StatusAgentHeader, agent.Department, agent.Address));
            WriteAgent(agent, output, times);
            output.WriteLine();
        }

        var usable = reply.Agents.Count(IsUsable);
        output.WriteLine(Messages.Format(CoordinatorStrings.StatusSummary, usable, reply.Agents.Count));
    }

    private static void WriteAgent(AgentStatus agent, TextWriter output, LocalTimes times)
    {
        var info = agent.Info;
        var none = CoordinatorStrings.None;
        var lines = new LabelledLines()
            .Add(CoordinatorStrings.StatusReachable, agent.Reachable ? CoordinatorStrings.Yes : CoordinatorStrings.No);

        if (info is not null)
        {
            lines.Add(CoordinatorStrings.StatusName, info.DisplayName.Length > 0 ? info.DisplayName : none)
                .Add(CoordinatorStrings.StatusIndexState, IndexStateText(info))
                .Add(CoordinatorStrings.StatusLastLoad, info.LastSuccessfulLoad is null ? CoordinatorStrings.StatusNeverLoaded : times.FormatWithAge(info.LastSuccessfulLoad))
                .Add(CoordinatorStrings.StatusTokens, info.IndexedTokenCount.ToString("N0", System.Globalization.CultureInfo.CurrentCulture))
                .Add(CoordinatorStrings.StatusAgentVersion, info.AgentVersion.Length > 0 ? info.AgentVersion : none);
        }

        var context = info?.Context;
        var compatibility = context is null
            ? (agent.Compatible ? CoordinatorStrings.Yes : CoordinatorStrings.StatusCompatibilityUnknown)
            : Messages.Format(
                CoordinatorStrings.StatusCompatibilityDetail,
                agent.Compatible ? CoordinatorStrings.Yes : CoordinatorStrings.No,
                context.TokenSchemeVersion,
                context.NormaliserProfile,
                context.KeyEpoch);
        lines.Add(CoordinatorStrings.StatusCompatible, compatibility)
            .Add(CoordinatorStrings.StatusProblem, agent.Problem.Length > 0 ? agent.Problem : none)
            .Write(output, "  ");
    }

    private static string IndexStateText(AgentInfo info)
    {
        var state = info.IndexState switch
        {
            IndexState.Ready => CoordinatorStrings.IndexReady,
            IndexState.Loading => CoordinatorStrings.IndexLoading,
            IndexState.Failed => CoordinatorStrings.IndexFailed,
            IndexState.Stale => CoordinatorStrings.IndexStale,
            _ => CoordinatorStrings.IndexUnknown,
        };

        return info.IndexState != IndexState.Ready && info.UnavailableReason.Length > 0
            ? Messages.Format(CoordinatorStrings.IndexStateWithReason, state, info.UnavailableReason)
            : state;
    }

    private static bool IsUsable(AgentStatus agent) =>
        agent.Reachable && agent.Compatible && agent.Info?.IndexState == IndexState.Ready;
}
