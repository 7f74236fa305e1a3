using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Hosting.Tests.Infrastructure;

/// <summary>Keeps every log entry written through it, for assertions on what a host logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => [.. _entries];

    public IEnumerable<LogEntry> WithEvent(string eventName) => _entries.Where(entry => entry.EventName == eventName);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Name, formatter(state, exception), exception));
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, string? EventName, string Message, Exception? Exception);
