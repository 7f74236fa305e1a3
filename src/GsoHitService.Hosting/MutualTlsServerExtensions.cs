using GsoHitService.Hosting.Internal;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GsoHitService.Hosting;

/// <summary>
/// Sets up the HTTPS-only gRPC server with client certificates that agents and the coordinator
/// expose.
/// </summary>
public static class MutualTlsServerExtensions
{
    /// <summary>
    /// Adds gRPC and configures Kestrel from the <see cref="MutualTlsServerOptions"/> in
    /// <paramref name="sectionName"/>: only the listed <c>https://</c> endpoints, TLS 1.2 or
    /// later, HTTP/2, and a client certificate required and checked against the allow-list
    /// during the TLS handshake, so a rejected client never reaches a gRPC service.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The start stops with an <see cref="OptionsValidationException"/> that names each wrong
    /// setting and the configuration file that sets it, including any <c>http://</c> endpoint in
    /// <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>), <c>ASPNETCORE_HTTP_PORTS</c> or
    /// <c>Kestrel:Endpoints</c>.
    /// </para>
    /// <para>
    /// A start-up self-test then opens the server certificate's private key before Kestrel starts
    /// and performs a mutual TLS handshake over loopback on every endpoint once it listens. When
    /// either fails, the start fails with a message naming the certificate's thumbprint and the
    /// account the process runs under.
    /// </para>
    /// <para>
    /// gRPC messages are limited to <see cref="GrpcLimits.MaxMessageBytes"/> in both directions
    /// and detailed errors are off. Read the caller's certificate in a service from
    /// <c>context.GetHttpContext().Connection.ClientCertificate</c>.
    /// </para>
    /// </remarks>
    /// <param name="builder">The application builder.</param>
    /// <param name="sectionName">The configuration section with the server settings.</param>
    /// <returns>The gRPC builder, to add interceptors or per-service options.</returns>
    public static IGrpcServerBuilder AddMutualTlsGrpcServer(this WebApplicationBuilder builder, string sectionName = "Server")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ServerSettingsSection(sectionName));

        services.AddOptions<MutualTlsServerOptions>()
            .Bind(builder.Configuration.GetSection(sectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MutualTlsServerOptions>, MutualTlsServerOptionsValidator>();

        services.AddSingleton<ServerCredentials>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelMutualTlsSetup>();
        services.AddHostedService<StartupSelfTest>();

        return services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = GrpcLimits.MaxMessageBytes;
            options.MaxSendMessageSize = GrpcLimits.MaxMessageBytes;
            options.EnableDetailedErrors = false;
        });
    }
}
