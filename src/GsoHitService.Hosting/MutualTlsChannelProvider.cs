using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using GsoHitService.Hosting.Internal;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting;

/// <summary>
/// Hands out one long-lived <see cref="GrpcChannel"/> per target, authenticated with the
/// configured client certificate. Creating a channel per call would open a new connection (and
/// TLS handshake) each time and can exhaust ephemeral ports.
/// </summary>
/// <remarks>
/// Each channel checks the server certificate against the configured CA only (not the machine's
/// trusted roots) and against the expected server name, sends HTTP/2 keep-alive pings on idle
/// connections, and limits messages to <see cref="GrpcLimits.MaxMessageBytes"/> both ways.
/// Register it with <see cref="MutualTlsClientExtensions.AddMutualTlsGrpcClient"/>; disposing
/// the provider disposes its channels.
/// </remarks>
public sealed class MutualTlsChannelProvider : IDisposable
{
    private readonly MutualTlsClientOptions _options;
    private readonly X509Certificate2 _clientCertificate;
    private readonly X509Certificate2 _trustedCa;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<(string Target, string ServerName), Lazy<GrpcChannel>> _channels = new();
    private bool _disposed;

    /// <summary>
    /// Loads the client certificate and the trusted CA from validated options.
    /// </summary>
    public MutualTlsChannelProvider(IOptions<MutualTlsClientOptions> options, IHostEnvironment environment, ILoggerFactory loggerFactory)
        : this(options, environment, loggerFactory, TimeProvider.System, "AgentClient")
    {
    }

    internal MutualTlsChannelProvider(
        IOptions<MutualTlsClientOptions> options, IHostEnvironment environment, ILoggerFactory loggerFactory, TimeProvider timeProvider, string sectionName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        _options = options.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MutualTlsChannelProvider>();
        _timeProvider = timeProvider;

        var contentRoot = environment.ContentRootPath;
        _clientCertificate = CertificateLoader.Load(_options.Certificate, $"{sectionName}:Certificate", contentRoot, timeProvider.GetUtcNow());
        _trustedCa = CertificateLoader.LoadCaCertificate(_options.TrustedCaPath, $"{sectionName}:TrustedCaPath", contentRoot);
    }

    /// <summary>
    /// Returns the channel for <paramref name="address"/>, creating it on first use. Later calls
    /// with the same scheme, host, port and server name return the same channel.
    /// </summary>
    /// <param name="address">The server's <c>https://HOST:PORT</c> address.</param>
    /// <param name="expectedServerName">
    /// The DNS name or IP address the server certificate must be issued to, when it differs from
    /// the host in <paramref name="address"/> (for example when connecting by IP address). It is
    /// also sent as the TLS server name (SNI). Default: the host of <paramref name="address"/>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not an absolute https:// URI.</exception>
    /// <exception cref="ObjectDisposedException">The provider was disposed.</exception>
    public GrpcChannel GetChannel(Uri address, string? expectedServerName = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ObjectDisposedException.ThrowIf(_disposed, this);

        if (!address.IsAbsoluteUri || address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The address '{address}' is not an https:// address; plaintext gRPC is not allowed.", nameof(address));
        }

        var target = address.GetLeftPart(UriPartial.Authority);
        var serverName = string.IsNullOrWhiteSpace(expectedServerName) ? address.IdnHost.Trim('[', ']') : expectedServerName.Trim();
        var channel = _channels.GetOrAdd(
            (target, serverName),
            key => new Lazy<GrpcChannel>(() => CreateChannel(key.Target, key.ServerName), LazyThreadSafetyMode.ExecutionAndPublication));

        return channel.Value;
    }

    /// <summary>Disposes every channel and the loaded certificates.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var channel in _channels.Values.Where(lazy => lazy.IsValueCreated))
        {
            channel.Value.Dispose();
        }

        _channels.Clear();
        _clientCertificate.Dispose();
        _trustedCa.Dispose();
    }

    private GrpcChannel CreateChannel(string target, string serverName)
    {
        var handler = new SocketsHttpHandler
        {
            // The connection is the expensive part; keep it for the channel's whole life.
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = _options.KeepAlivePingDelay,
            KeepAlivePingTimeout = _options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            EnableMultipleHttp2Connections = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = serverName,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,

                // Always offer the configured certificate, even when the server's list of
                // acceptable issuers does not name its CA.
                LocalCertificateSelectionCallback = (_, _, _, _, _) => _clientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, chain, _) => IsServerAccepted(certificate, chain, target, serverName),
            },
        };

        var channel = GrpcChannel.ForAddress(target, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = GrpcLimits.MaxMessageBytes,
            MaxSendMessageSize = GrpcLimits.MaxMessageBytes,
            MaxReconnectBackoff = _options.MaxReconnectBackoff,
            LoggerFactory = _loggerFactory,
        });

        HostingLog.ChannelCreated(_logger, target, serverName);
        return channel;
    }

    private bool IsServerAccepted(X509Certificate? presented, X509Chain? chain, string target, string serverName)
    {
        if (presented is null)
        {
            HostingLog.ServerCertificateRejected(_logger, "(none)", "(none)", target, "the server presented no certificate");
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var problem = ServerCertificateCheck.FindProblem(certificate, chain, _trustedCa, serverName, _timeProvider.GetUtcNow());
        if (problem is null)
        {
            return true;
        }

        HostingLog.ServerCertificateRejected(_logger, certificate.Subject, Thumbprints.Sha256(certificate), target, problem);
        return false;
    }
}
