using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Stops the host when it would run but be unusable. Before Kestrel starts, the server
/// certificate's private key must be usable by this account. Once Kestrel listens, a mutual TLS
/// handshake over loopback must succeed on every endpoint.
/// </summary>
internal sealed class StartupSelfTest(
    ServerCredentials credentials,
    IServer server,
    TimeProvider timeProvider,
    ILogger<StartupSelfTest> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(15);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var problem = PrivateKeyCheck.FindProblem(credentials.Certificate);
        if (problem is not null)
        {
            Fail($"{problem}. Give this account read access to the private key (Windows: certificate manager, All Tasks, Manage Private Keys) or configure a PFX or PEM file with its key.", null);
        }

        return Task.CompletedTask;
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            Fail("the server reports no listening address, so the handshake cannot be tested.", null);
        }

        using var clientCertificate = SelfTestCertificate.Create(timeProvider.GetUtcNow());
        credentials.ClientPolicy.SelfTestThumbprint = Thumbprints.Sha256(clientCertificate);
        try
        {
            foreach (var address in addresses)
            {
                await TestAddressAsync(address, clientCertificate, cancellationToken);
                HostingLog.ServerListening(logger, address, Thumbprints.Describe(credentials.Certificate));
            }
        }
        finally
        {
            credentials.ClientPolicy.SelfTestThumbprint = null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task TestAddressAsync(string address, System.Security.Cryptography.X509Certificates.X509Certificate2 clientCertificate, CancellationToken cancellationToken)
    {
        var endPoint = ToLoopbackEndPoint(address);
        if (endPoint is null)
        {
            Fail($"the listening address '{address}' cannot be turned into a loopback address to test.", null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HandshakeTimeout);

        string? problem;
        Exception? failure = null;
        try
        {
            problem = await LoopbackHandshake.FindProblemAsync(endPoint, credentials.Certificate, clientCertificate, timeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            problem = $"no answer within {HandshakeTimeout.TotalSeconds:0} s";
            failure = exception;
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            problem = exception.InnerException is null ? exception.Message : $"{exception.Message} ({exception.InnerException.Message})";
            failure = exception;
        }

        if (problem is not null)
        {
            Fail($"the mutual TLS handshake with {endPoint} (listening on {address}) failed: {problem}. Check that the account can use the private key and that this Windows version supports TLS 1.2 with ALPN (HTTP/2).", failure);
        }

        HostingLog.SelfTestPassed(logger, address, Environment.UserName);
    }

    /// <summary>
    /// Maps a listening address to the address to connect to: a wildcard or localhost listener
    /// is reached over the IPv4 or IPv6 loopback address.
    /// </summary>
    internal static IPEndPoint? ToLoopbackEndPoint(string address)
    {
        // Kestrel reports wildcard listeners as "https://[::]:port" or "https://0.0.0.0:port",
        // and may report "*" or "+" as the host, which Uri does not parse.
        var normalized = address.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal)
            .Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return null;
        }

        IPAddress? ip;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            ip = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out ip))
        {
            return null;
        }

        if (ip.Equals(IPAddress.Any))
        {
            ip = IPAddress.Loopback;
        }
        else if (ip.Equals(IPAddress.IPv6Any))
        {
            ip = IPAddress.IPv6Loopback;
        }

        return new IPEndPoint(ip, uri.Port);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string problem, Exception? exception)
    {
        var message = $"Start-up self-test failed for server certificate {Thumbprints.Describe(credentials.Certificate)} under account '{Environment.UserName}': {problem}";
        HostingLog.SelfTestFailed(logger, message, exception);
        throw new StartupSelfTestException(message, exception);
    }
}

/// <summary>The start-up self-test failed; the message names the certificate and the account.</summary>
internal sealed class StartupSelfTestException(string message, Exception? innerException) : Exception(message, innerException);
