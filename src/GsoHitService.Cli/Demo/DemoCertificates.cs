using GsoHitService.Hosting;

namespace GsoHitService.Cli.Demo;

/// <summary>
/// The demo's mutual-TLS files, written as PEM by a throwaway development CA whose private key is
/// discarded once the certificates are issued. One server certificate for the loopback addresses
/// serves every host; each client has its own certificate, whose common name the servers check.
/// </summary>
internal sealed class DemoCertificates
{
    /// <summary>Common name of the coordinator's client certificate towards the agents.</summary>
    public const string CoordinatorClient = "coordinator";

    /// <summary>Common name of the informatiecoördinator, who runs the demo's steps at the coordinator.</summary>
    public const string InformationCoordinator = "informatiecoordinator";

    /// <summary>Common name of the case-team member who reads the released content.</summary>
    public const string CaseTeamMember = "casusregisseur";

    private readonly string _folder;

    private DemoCertificates(string folder) => _folder = folder;

    /// <summary>The CA certificate that every server and client trusts.</summary>
    public string CaPath => Path.Combine(_folder, "ca.crt.pem");

    public string ServerCertificatePath => Path.Combine(_folder, "server.crt.pem");

    public string ServerKeyPath => Path.Combine(_folder, "server.key.pem");

    /// <summary>Creates the CA, issues the server and client certificates and writes them to <paramref name="folder"/>.</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static DemoCertificates Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var certificates = new DemoCertificates(folder);

        using var authority = DevelopmentCertificateAuthority.Create("GSO Hit Service demo CA", TimeSpan.FromDays(1));
        using (var ca = authority.Certificate)
        {
            CertificateFiles.WritePem(ca, certificates.CaPath);
        }

        using (var server = authority.IssueServerCertificate("gso-demo-server"))
        {
            CertificateFiles.WritePem(server, certificates.ServerCertificatePath, certificates.ServerKeyPath);
        }

        foreach (var client in new[] { CoordinatorClient, InformationCoordinator, CaseTeamMember })
        {
            using var certificate = authority.IssueClientCertificate(client);
            CertificateFiles.WritePem(certificate, certificates.ClientCertificatePath(client), certificates.ClientKeyPath(client));
        }

        return certificates;
    }

    public string ClientCertificatePath(string commonName) => Path.Combine(_folder, $"{commonName}.crt.pem");

    public string ClientKeyPath(string commonName) => Path.Combine(_folder, $"{commonName}.key.pem");
}
