using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Agent.Tests.Support;

/// <summary>Keeps every log entry written through it, for assertions on what a host logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyCollection<CapturedLogEntry> Entries => [.. _entries];

    public IEnumerable<CapturedLogEntry> WithEvent(string eventName) => _entries.Where(entry => entry.EventName == eventName);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId.Name, formatter(state, exception), exception));
    }
}

internal sealed record CapturedLogEntry(string Category, LogLevel Level, string? EventName, string Message, Exception? Exception);
