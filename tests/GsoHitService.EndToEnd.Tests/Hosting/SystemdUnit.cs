namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// The settings of a unit file in <c>deploy/systemd</c> that decide where the service may write:
/// <c>Environment=</c>, <c>StateDirectory=</c> and <c>UMask=</c>. Tests apply them to a service
/// process with <c>/var/lib</c> moved into a temporary folder, so that a path the unit leaves in
/// the read-only install folder shows up as a write there.
/// </summary>
internal sealed class SystemdUnit
{
    private const string StateRoot = "/var/lib/";

    private SystemdUnit(string path, IReadOnlyList<KeyValuePair<string, string>> environment, IReadOnlyList<string> stateDirectories, string umask)
    {
        Path = path;
        Environment = environment;
        StateDirectories = stateDirectories;
        UMask = umask;
    }

    public string Path { get; }

    /// <summary>The variables of the <c>Environment=</c> lines, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; }

    /// <summary>The folders of <c>StateDirectory=</c>, relative to <c>/var/lib</c>.</summary>
    public IReadOnlyList<string> StateDirectories { get; }

    /// <summary>The <c>UMask=</c> value, or systemd's default 0022.</summary>
    public string UMask { get; }

    /// <summary>Reads <paramref name="fileName"/> from the repository's <c>deploy/systemd</c> folder.</summary>
    public static SystemdUnit Read(string fileName)
    {
        var path = System.IO.Path.Combine(FindRepositoryRoot(), "deploy", "systemd", fileName);
        var environment = new List<KeyValuePair<string, string>>();
        var stateDirectories = new List<string>();
        var umask = "0022";
        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[' || line.IndexOf('=', StringComparison.Ordinal) is not (> 0 and var separator))
            {
                continue;
            }

            var key = line[..separator];
            var value = line[(separator + 1)..];
            switch (key)
            {
                case "Environment":
                    environment.Add(ParseAssignment(path, value));
                    break;
                case "StateDirectory":
                    stateDirectories.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "UMask":
                    umask = value;
                    break;
            }
        }

        return new SystemdUnit(path, environment, stateDirectories, umask);
    }

    /// <summary>Creates the state folders under <paramref name="stateRoot"/>, as systemd does before the start.</summary>
    public void CreateStateDirectories(string stateRoot)
    {
        foreach (var folder in StateDirectories)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(stateRoot, folder));
        }
    }

    /// <summary>Returns the unit's environment with <c>/var/lib/</c> replaced by <paramref name="stateRoot"/>.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentUnder(string stateRoot)
    {
        var prefix = stateRoot.TrimEnd('/') + "/";
        return Environment.ToDictionary(
            variable => variable.Key,
            variable => variable.Value.StartsWith(StateRoot, StringComparison.Ordinal) ? prefix + variable.Value[StateRoot.Length..] : variable.Value,
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Splits one <c>NAME=VALUE</c> assignment. Quoting and several assignments on one line are
    /// valid in systemd but not used by the project's units, so they fail here until supported.
    /// </summary>
    private static KeyValuePair<string, string> ParseAssignment(string path, string assignment)
    {
        var separator = assignment.IndexOf('=', StringComparison.Ordinal);
        Assert.True(
            separator > 0 && assignment.IndexOfAny([' ', '"', '\'']) < 0,
            $"{path}: 'Environment={assignment}' is not a single unquoted NAME=VALUE, which this test reads.");
        return new KeyValuePair<string, string>(assignment[..separator], assignment[(separator + 1)..]);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "GsoHitService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds GsoHitService.sln, so the unit files in deploy/systemd cannot be read.");
    }
}
