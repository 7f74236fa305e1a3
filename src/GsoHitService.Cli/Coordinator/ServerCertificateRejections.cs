using Microsoft.Extensions.Logging;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Keeps the reason of the last server certificate that the channel provider rejected. The
/// provider reports a rejection only in its log (event <c>ServerCertificateRejected</c>), while the
/// gRPC call fails with a generic status. Keeping the reason lets the command explain the failure.
/// </summary>
internal sealed class ServerCertificateRejections : ILoggerProvider, ILogger
{
    private const string RejectionEventName = "ServerCertificateRejected";
    private volatile string? _lastReason;

    public string? LastReason => _lastReason;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name != RejectionEventName)
        {
            return;
        }

        var reason = state is IReadOnlyList<KeyValuePair<string, object?>> values
            ? values.FirstOrDefault(value => value.Key == "Reason").Value?.ToString()
            : null;
        _lastReason = reason ?? formatter(state, exception);
    }

    public void Dispose()
    {
    }
}
