using Grpc.Core;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Hosting;
using GsoHitService.Protocol.V1;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// One mutual-TLS channel to the coordinator for the life of a command, built by the hosting
/// library's <see cref="MutualTlsChannelProvider"/>: the client certificate is always presented,
/// and the server certificate must chain to the configured CA (not the machine's trusted roots)
/// and be issued to the host in the address.
/// </summary>
internal sealed class CoordinatorConnection : IDisposable
{
    private readonly MutualTlsChannelProvider _provider;
    private readonly ServerCertificateRejections _rejections;
    private readonly ILoggerFactory _loggerFactory;

    private CoordinatorConnection(CoordinatorSettings settings, MutualTlsChannelProvider provider, ServerCertificateRejections rejections, ILoggerFactory loggerFactory)
    {
        Settings = settings;
        _provider = provider;
        _rejections = rejections;
        _loggerFactory = loggerFactory;
        Client = new Protocol.V1.Coordinator.CoordinatorClient(provider.GetChannel(settings.Address));
    }

    public CoordinatorSettings Settings { get; }

    public Protocol.V1.Coordinator.CoordinatorClient Client { get; }

    /// <summary>Why the last server certificate was rejected, or null when none was.</summary>
    public string? ServerCertificateProblem => _rejections.LastReason;

    /// <summary>Checks the certificate files and builds the channel; nothing is sent yet.</summary>
    /// <exception cref="CoordinatorCommandException">A certificate file is missing or unusable.</exception>
    public static CoordinatorConnection Open(CoordinatorSettings settings, TimeProvider timeProvider)
    {
        CertificateCheck.Run(settings, timeProvider.GetUtcNow());

        var options = new MutualTlsClientOptions
        {
            Certificate = new CertificateSourceOptions
            {
                Path = settings.Certificate.Path,
                KeyPath = settings.Key?.Path,
                PasswordFile = settings.CertificatePasswordFile?.Path,
            },
            TrustedCaPath = settings.Ca.Path,
        };

        var rejections = new ServerCertificateRejections();
        var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(rejections));
        try
        {
            var provider = new MutualTlsChannelProvider(Options.Create(options), new CommandLineHostEnvironment(), loggerFactory);
            return new CoordinatorConnection(settings, provider, rejections, loggerFactory);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // CertificateCheck has already covered the usual problems in the user's language. The
            // provider's own exception type is internal to the hosting library, so any other
            // failure while it loads the same files is reported with its (English) text.
            loggerFactory.Dispose();
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(CoordinatorStrings.CertificateSettingsUnusable, exception.Message));
        }
    }

    /// <summary>Call options with a deadline of <see cref="CoordinatorSettings.Timeout"/> from now, in UTC.</summary>
    public CallOptions CallOptions(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow.Add(Settings.Timeout), cancellationToken: cancellationToken);

    public void Dispose()
    {
        _provider.Dispose();
        _loggerFactory.Dispose();
    }

    /// <summary>
    /// The provider resolves relative paths against a content root; every path here is already
    /// absolute, so the current folder serves.
    /// </summary>
    private sealed class CommandLineHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "gso";

        public string ContentRootPath { get; set; } = Environment.CurrentDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
