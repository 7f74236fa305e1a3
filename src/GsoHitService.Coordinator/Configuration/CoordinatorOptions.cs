namespace GsoHitService.Coordinator.Configuration;

/// <summary>
/// Settings of the coordinator, from the <c>Coordinator</c> section of the configuration. Checked
/// at start-up by <see cref="CoordinatorOptionsValidator"/>; a wrong value stops the start. The
/// store has its own subsection, <c>Coordinator:Store</c>.
/// </summary>
internal sealed class CoordinatorOptions
{
    public const string SectionName = "Coordinator";

    /// <summary>
    /// Path of the matching-key file of the current epoch, relative to the content root (the
    /// coordinator's install folder) unless absolute. Agents hold the same key. Required.
    /// </summary>
    public string MatchingKeyFile { get; set; } = "";

    /// <summary>
    /// Path of the coordinator's hash-chained audit log, relative to the content root unless
    /// absolute. The folder is created when missing. Default <c>audit/coordinator-audit.log</c>.
    /// </summary>
    public string AuditLogPath { get; set; } = "audit/coordinator-audit.log";

    /// <summary>The department agents that the coordinator may ask; each department at most once.</summary>
    public List<AgentEndpointOptions> Agents { get; set; } = [];

    public CoordinatorQueryOptions Queries { get; set; } = new();

    public CoordinatorDecisionOptions Decisions { get; set; } = new();
}

/// <summary>One department agent, from an entry of <c>Coordinator:Agents</c>.</summary>
internal sealed class AgentEndpointOptions
{
    /// <summary>Department code as the agent reports it and decisions name it, for example <c>brp</c>. Required.</summary>
    public string Department { get; set; } = "";

    /// <summary>The agent's <c>https://HOST:PORT</c> address. Required; plaintext <c>http://</c> is refused.</summary>
    public string Address { get; set; } = "";

    /// <summary>
    /// The DNS name or IP address that the agent's server certificate must be issued to, when it
    /// differs from the host in <see cref="Address"/>. Default: the host of <see cref="Address"/>.
    /// </summary>
    public string? ServerName { get; set; }
}

/// <summary>How agents are asked, from <c>Coordinator:Queries</c>.</summary>
internal sealed class CoordinatorQueryOptions
{
    /// <summary>
    /// Deadline of one hit query call to one agent, from the moment it is sent. Default 30 seconds;
    /// 1 second to 30 minutes. An agent that does not answer in time is recorded as
    /// DEADLINE_EXCEEDED, never as "no hit".
    /// </summary>
    public TimeSpan AgentDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of a GetAgentInfo call when agents are listed. Default 5 seconds; 1 second to 5 minutes.</summary>
    public TimeSpan AgentInfoDeadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline of a content release call to one agent. Default 60 seconds; 1 second to 30 minutes.</summary>
    public TimeSpan ContentReleaseDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Largest number of match tokens that one department is asked about in a single QueryHits
    /// message; more are streamed through ScreenHits. Default 1,000; 1 to <see cref="ScreeningChunkTokens"/>.
    /// </summary>
    public int MaxInteractiveTokens { get; set; } = 1_000;

    /// <summary>
    /// Number of match tokens per streamed ScreenHits message. Default 50,000 (about 1.6 MB); 1 to
    /// 100,000, which keeps every message well below the 4 MiB message limit.
    /// </summary>
    public int ScreeningChunkTokens { get; set; } = 50_000;

    /// <summary>Number of subjects in one page of a hit query result when the caller asks for no page size. Default 1,000; 1 to 10,000.</summary>
    public int ResultPageSize { get; set; } = 1_000;
}

/// <summary>Defaults for preparing decisions, from <c>Coordinator:Decisions</c>.</summary>
internal sealed class CoordinatorDecisionOptions
{
    /// <summary>
    /// Validity of a prepared decision whose request gives no end, counted from its start. Default
    /// 14 days; 1 hour to 366 days.
    /// </summary>
    public TimeSpan DefaultValidity { get; set; } = TimeSpan.FromDays(14);
}
