using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Checks a server certificate on the client side against the one configured CA and the
/// expected server name, instead of the machine's trusted roots.
/// </summary>
internal static class ServerCertificateCheck
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// Returns null when the certificate is valid now, chains to <paramref name="trustedCa"/>
    /// for server authentication and is issued to <paramref name="serverName"/> (a DNS name or
    /// IP address); otherwise the reason it is rejected.
    /// </summary>
    public static string? FindProblem(X509Certificate2 certificate, X509Chain? presentedChain, X509Certificate2 trustedCa, string serverName, DateTimeOffset now)
    {
        if (now < certificate.NotBefore.ToUniversalTime())
        {
            return $"not valid before {certificate.NotBefore.ToUniversalTime():u}";
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            return $"expired on {certificate.NotAfter.ToUniversalTime():u}";
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(trustedCa);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.ApplicationPolicy.Add(new Oid(ServerAuthenticationOid));

        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements.Skip(1))
            {
                policy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(certificate))
        {
            var statuses = chain.ChainStatus.Select(status => status.Status.ToString()).Distinct();
            return $"does not chain to the trusted CA ({string.Join(", ", statuses)})";
        }

        return certificate.MatchesHostname(serverName, allowWildcards: true, allowCommonName: false)
            ? null
            : $"not issued to '{serverName}' (subject alternative names do not match)";
    }
}
