namespace GsoHitService.Agent.Indexing;

/// <summary>
/// Watches source files and calls back once a changed file has been quiet for a delay, so that
/// an export that is still being written does not start a reload per write.
/// </summary>
internal sealed class SourceFileWatcher : IDisposable
{
    private readonly HashSet<string> _files;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _quietTimer;
    private readonly TimeSpan _delay;

    public SourceFileWatcher(IReadOnlyList<string> files, TimeSpan delay, TimeProvider timeProvider, Action onChanged)
    {
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        _files = new HashSet<string>(files.Select(path => Path.GetFullPath(path)), comparer);
        _delay = delay;
        _quietTimer = timeProvider.CreateTimer(_ => onChanged(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // One watcher per folder: a file that is replaced (written elsewhere, then renamed into
        // place) is seen as a rename in its folder, not as a change of the old file.
        foreach (var folder in _files.Select(path => Path.GetDirectoryName(path)!).Distinct(comparer))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += OnFileEvent;
            watcher.Created += OnFileEvent;
            watcher.Deleted += OnFileEvent;
            watcher.Renamed += OnRenamed;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Number of folders being watched; a folder that does not exist is not watched.</summary>
    public int WatchedFolderCount => _watchers.Count;

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _quietTimer.Dispose();
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (_files.Contains(e.FullPath))
        {
            RestartQuietTimer();
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (_files.Contains(e.FullPath) || _files.Contains(e.OldFullPath))
        {
            RestartQuietTimer();
        }
    }

    // A lost event (buffer overflow) may have been a change of a source file, so reload anyway.
    private void OnError(object sender, ErrorEventArgs e) => RestartQuietTimer();

    private void RestartQuietTimer() => _quietTimer.Change(_delay, Timeout.InfiniteTimeSpan);
}
