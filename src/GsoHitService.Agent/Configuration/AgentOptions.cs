namespace GsoHitService.Agent.Configuration;

/// <summary>
/// Settings of the department agent, from the <c>Agent</c> section of the configuration.
/// Checked at start-up by <see cref="AgentOptionsValidator"/>; a wrong value stops the start.
/// </summary>
internal sealed class AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>Department code, for example <c>brp</c>: lower-case letters, digits and hyphens. Required.</summary>
    public string Department { get; set; } = "";

    /// <summary>Department name that the coordinator shows to users (Dutch). Required.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// Path of the matching-key file, relative to the content root (the agent's install folder)
    /// unless absolute. Required.
    /// </summary>
    public string MatchingKeyFile { get; set; } = "";

    /// <summary>
    /// Path of the agent's hash-chained audit log, relative to the content root unless absolute.
    /// The folder is created when missing. Default <c>audit/agent-audit.log</c>.
    /// </summary>
    public string AuditLogPath { get; set; } = "audit/agent-audit.log";

    /// <summary>Whether gRPC server reflection is offered. Default false: callers need no schema discovery.</summary>
    public bool EnableServerReflection { get; set; }

    public AgentIndexOptions Index { get; set; } = new();

    public AgentLimitsOptions Limits { get; set; } = new();

    public AgentDecisionOptions Decisions { get; set; } = new();
}

/// <summary>When and how the index is loaded, from <c>Agent:Index</c>.</summary>
internal sealed class AgentIndexOptions
{
    /// <summary>Time between scheduled reloads of all sources. Default 1 hour; at least 1 minute.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Age after which a loaded index is stale and answers unavailable. Default 1 day; must be
    /// longer than <see cref="RefreshInterval"/>.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Longest time one load may take before it is cancelled and counted as failed. Default 1 hour.</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether a change of a source file starts a reload. Default true.</summary>
    public bool WatchSourceFiles { get; set; } = true;

    /// <summary>
    /// Quiet time after the last change of a source file before the reload starts, so that a file
    /// still being written is not read half-way. Default 10 seconds.
    /// </summary>
    public TimeSpan FileChangeDelay { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Limits against enumeration of the department's population, from <c>Agent:Limits</c>.</summary>
internal sealed class AgentLimitsOptions
{
    /// <summary>Largest number of match tokens in one request (a whole screening stream counts as one). Default 200,000.</summary>
    public int MaxProbesPerRequest { get; set; } = 200_000;

    /// <summary>Largest number of match tokens that one caller may send within <see cref="QuotaWindow"/>. Default 2,000,000.</summary>
    public long MaxProbesPerCaller { get; set; } = 2_000_000;

    /// <summary>Length of the rolling window of the per-caller quota. Default 1 day.</summary>
    public TimeSpan QuotaWindow { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Where the agent remembers the signed decisions it has accepted, from <c>Agent:Decisions</c>.
/// Every request needs a valid signed decision; the roster and thresholds that decide validity are in
/// the root section <c>CoreTeam</c>.
/// </summary>
internal sealed class AgentDecisionOptions
{
    /// <summary>
    /// Path of the record of used decisions, relative to the content root unless absolute. It
    /// keeps a decision from being used twice at this department, also across restarts, so it must
    /// survive restarts and updates. The folder is created when missing. Default
    /// <c>data/decision-uses.log</c>.
    /// </summary>
    public string UseRecordPath { get; set; } = "data/decision-uses.log";
}
