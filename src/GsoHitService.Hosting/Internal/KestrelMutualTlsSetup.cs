using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Configures Kestrel to listen only on the configured HTTPS endpoints, with HTTP/2 and the TLS
/// settings of <see cref="ServerCredentials"/>.
/// </summary>
internal sealed class KestrelMutualTlsSetup(IOptions<MutualTlsServerOptions> options, ServerCredentials credentials)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;

        // Kestrel acknowledges client pings at any rate, and an incoming ping also resets its
        // idle timeout, so clients with keep-alive pings keep their connection. These settings
        // make the server ping idle clients too, to notice connections a firewall dropped.
        kestrel.Limits.Http2.KeepAlivePingDelay = GrpcLimits.DefaultKeepAlivePingDelay;
        kestrel.Limits.Http2.KeepAlivePingTimeout = GrpcLimits.DefaultKeepAlivePingTimeout;

        var tls = new TlsHandshakeCallbackOptions
        {
            OnConnection = context => ValueTask.FromResult(credentials.CreateAuthenticationOptions(context.Connection.RemoteEndPoint)),
        };

        MutualTlsServerOptions settings;
        try
        {
            settings = options.Value;
        }
        catch (OptionsValidationException)
        {
            // Kestrel is configured while the host is built, before start-up validation. Kestrel
            // never binds without our endpoints, because the host validates the options before it
            // starts Kestrel. The host then logs this same exception (to the Event Log when it runs
            // as a Windows service) and stops.
            return;
        }

        foreach (var url in settings.Endpoints)
        {
            // The options were validated at start-up, so every URL parses.
            if (!HttpsEndpoint.TryParse(url, out var endpoint, out var problem))
            {
                throw new InvalidOperationException($"Server endpoint {problem}.");
            }

            void Configure(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(tls);
            }

            if (endpoint.IsLocalhost)
            {
                kestrel.ListenLocalhost(endpoint.Port, Configure);
            }
            else if (endpoint.Address is null)
            {
                kestrel.ListenAnyIP(endpoint.Port, Configure);
            }
            else
            {
                kestrel.Listen(endpoint.Address, endpoint.Port, Configure);
            }
        }
    }
}
