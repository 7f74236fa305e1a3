namespace GsoHitService.Cli.Demo;

/// <summary>
/// The demo's throwaway folder under the system temp directory, and where each part of the demo
/// keeps its files in it.
/// </summary>
internal sealed class DemoFolder
{
    private DemoFolder(string root) => Root = root;

    /// <summary>Full path of the folder.</summary>
    public string Root { get; }

    /// <summary>The development CA's certificate and the certificates and keys it issued.</summary>
    public string Pki => Path.Combine(Root, "pki");

    /// <summary>The department exports that the agents read.</summary>
    public string Exports => Path.Combine(Root, "exports");

    /// <summary>The coordinator's content root: settings, matching key, SQLite database and audit log.</summary>
    public string Coordinator => Path.Combine(Root, "coordinator");

    /// <summary>Creates a new, empty folder that only the current user can open.</summary>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    public static DemoFolder Create() => new(Directory.CreateTempSubdirectory("gso-demo-").FullName);

    /// <summary>One agent's content root: settings, matching key, audit log and record of used decisions.</summary>
    public string Agent(string department) => Path.Combine(Root, "agents", department);

    /// <summary>
    /// Deletes the folder with everything in it. Returns the reason when that fails, for example
    /// because another program still has a file open; the folder is then left for the user.
    /// </summary>
    public string? TryDelete()
    {
        // A host that has just stopped may still be closing a file, so one failure gets a retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }

                return null;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                if (attempt == 3)
                {
                    return exception.Message;
                }

                Thread.Sleep(200);
            }
        }
    }
}
