using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using GsoHitService.TestSupport;

namespace GsoHitService.EndToEnd.Tests.Hosting;

/// <summary>
/// The Unix datagram socket that systemd passes to a <c>Type=notify</c> service in
/// <c>NOTIFY_SOCKET</c>. It receives the service's state messages (<c>READY=1</c>,
/// <c>STOPPING=1</c>) in the order sent.
/// </summary>
internal sealed class SystemdNotifySocket : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly Channel<SystemdNotification> _pending = Channel.CreateUnbounded<SystemdNotification>();
    private readonly List<string> _received = [];
    private readonly Lock _receivedLock = new();
    private readonly CancellationTokenSource _stop = new();

    public SystemdNotifySocket()
    {
        Path = _folder.Combine("notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));

        // The loop ends when Dispose closes the socket, and catches the exceptions that causes.
        _ = ReceiveAsync(_stop.Token);
    }

    /// <summary>The socket's path, the value of <c>NOTIFY_SOCKET</c>.</summary>
    public string Path { get; }

    /// <summary>Every message received so far, one datagram each.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_receivedLock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>
    /// Returns the next message not yet returned by this method, or null when none arrives within
    /// <paramref name="timeout"/>.
    /// </summary>
    public async Task<SystemdNotification?> NextAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await _pending.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
        _folder.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                var receivedAt = DateTimeOffset.UtcNow;
                var message = Encoding.UTF8.GetString(buffer, 0, length);
                lock (_receivedLock)
                {
                    _received.Add(message);
                }

                _pending.Writer.TryWrite(new SystemdNotification(message, receivedAt));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The socket was closed by Dispose.
        }
        finally
        {
            _pending.Writer.TryComplete();
        }
    }
}

/// <summary>One datagram that a service sent to <c>NOTIFY_SOCKET</c>.</summary>
/// <param name="Message">The text, for example <c>READY=1</c>.</param>
/// <param name="ReceivedAt">When the test read it from the socket (UTC), at or after the service sent it.</param>
internal sealed record SystemdNotification(string Message, DateTimeOffset ReceivedAt);
