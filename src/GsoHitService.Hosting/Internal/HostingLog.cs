using Microsoft.Extensions.Logging;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Log messages of the host set-up. Event ids are stable: operators filter the Event Log and the
/// journal on them.
/// </summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1001, EventName = "ClientCertificateRejected", Level = LogLevel.Warning,
        Message = "Rejected client certificate {Subject} (SHA-256 {Thumbprint}): {Reason}")]
    public static partial void ClientCertificateRejected(ILogger logger, string subject, string thumbprint, string reason);

    [LoggerMessage(EventId = 1002, EventName = "ClientCertificateMissing", Level = LogLevel.Warning,
        Message = "Rejected a TLS connection from {RemoteEndPoint} that presented no client certificate")]
    public static partial void ClientCertificateMissing(ILogger logger, string remoteEndPoint);

    [LoggerMessage(EventId = 1003, EventName = "ServerListening", Level = LogLevel.Information,
        Message = "Listening on {Endpoint} with server certificate {Certificate}, TLS 1.2 or later, HTTP/2, client certificates required")]
    public static partial void ServerListening(ILogger logger, string endpoint, string certificate);

    [LoggerMessage(EventId = 1010, EventName = "SelfTestPassed", Level = LogLevel.Information,
        Message = "Start-up self-test passed: private key usable and mutual TLS handshake on {Endpoint} succeeded under account {Account}")]
    public static partial void SelfTestPassed(ILogger logger, string endpoint, string account);

    [LoggerMessage(EventId = 1011, EventName = "SelfTestFailed", Level = LogLevel.Critical,
        Message = "Start-up self-test failed; the service stops. {Problem}")]
    public static partial void SelfTestFailed(ILogger logger, string problem, Exception? exception);

    [LoggerMessage(EventId = 1020, EventName = "ServerCertificateRejected", Level = LogLevel.Warning,
        Message = "Rejected server certificate {Subject} (SHA-256 {Thumbprint}) of {Target}: {Reason}")]
    public static partial void ServerCertificateRejected(ILogger logger, string subject, string thumbprint, string target, string reason);

    [LoggerMessage(EventId = 1021, EventName = "ChannelCreated", Level = LogLevel.Information,
        Message = "Created gRPC channel to {Target} (expected server name {ServerName})")]
    public static partial void ChannelCreated(ILogger logger, string target, string serverName);
}
