using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// Decides whether a client certificate may connect: within its validity period, and either
/// pinned by thumbprint or issued by the one trusted CA to an allowed subject.
/// </summary>
internal sealed class ClientCertificatePolicy(
    IReadOnlyCollection<string> allowedThumbprints,
    X509Certificate2? trustedCa,
    IReadOnlyCollection<string> allowedSubjects,
    TimeProvider timeProvider) : IDisposable
{
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";
    private const string CommonNameOid = "2.5.4.3";

    private readonly string[] _allowedCommonNames = [.. allowedSubjects.Where(subject => !subject.Contains('=', StringComparison.Ordinal))];
    private readonly string[][] _allowedDistinguishedNames = [.. allowedSubjects
        .Where(subject => subject.Contains('=', StringComparison.Ordinal))
        .Select(subject => Attributes(new X500DistinguishedName(subject)))];

    private volatile string? _selfTestThumbprint;

    /// <summary>
    /// SHA-256 thumbprint of the throwaway certificate of the running start-up self-test, which
    /// is accepted only while this is set.
    /// </summary>
    public string? SelfTestThumbprint
    {
        get => _selfTestThumbprint;
        set => _selfTestThumbprint = value;
    }

    /// <summary>
    /// Returns null when the certificate is accepted, or the reason it is rejected.
    /// </summary>
    /// <param name="certificate">The client's certificate.</param>
    /// <param name="presentedChain">The chain built during the handshake, whose intermediates are used.</param>
    public string? FindRejection(X509Certificate2 certificate, X509Chain? presentedChain)
    {
        var now = timeProvider.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime())
        {
            return $"not valid before {certificate.NotBefore.ToUniversalTime():u}";
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            return $"expired on {certificate.NotAfter.ToUniversalTime():u}";
        }

        var selfTest = SelfTestThumbprint;
        if (selfTest is not null && Thumbprints.Matches(certificate, selfTest))
        {
            return null;
        }

        if (allowedThumbprints.Any(thumbprint => Thumbprints.Matches(certificate, thumbprint)))
        {
            return null;
        }

        if (trustedCa is null)
        {
            return "thumbprint not on the allow-list";
        }

        var chainProblem = FindChainProblem(certificate, presentedChain, now);
        if (chainProblem is not null)
        {
            return allowedThumbprints.Count > 0
                ? $"thumbprint not on the allow-list, and {chainProblem}"
                : chainProblem;
        }

        return IsSubjectAllowed(certificate) ? null : "issued by the trusted CA, but the subject is not on the allow-list";
    }

    public void Dispose() => trustedCa?.Dispose();

    private string? FindChainProblem(X509Certificate2 certificate, X509Chain? presentedChain, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(trustedCa!);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.ApplicationPolicy.Add(new Oid(ClientAuthenticationOid));

        // Intermediates the client sent along are offered to the chain, never trusted as roots.
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements.Skip(1))
            {
                policy.ExtraStore.Add(element.Certificate);
            }
        }

        if (chain.Build(certificate))
        {
            return null;
        }

        var statuses = chain.ChainStatus.Select(status => status.Status.ToString()).Distinct();
        return $"does not chain to the trusted CA ({string.Join(", ", statuses)})";
    }

    private bool IsSubjectAllowed(X509Certificate2 certificate)
    {
        var subject = Attributes(certificate.SubjectName);
        if (_allowedDistinguishedNames.Any(name => name.SequenceEqual(subject, StringComparer.OrdinalIgnoreCase)))
        {
            return true;
        }

        var commonName = FindCommonName(certificate);
        return commonName is not null
            && _allowedCommonNames.Any(name => string.Equals(name, commonName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Returns the name's attributes as sorted "OID=value" texts. Tools write a distinguished
    /// name in opposite orders (OpenSSL from the root down, Windows and .NET from the CN up), so
    /// the comparison ignores the order.
    /// </summary>
    private static string[] Attributes(X500DistinguishedName name) =>
    [
        .. name.EnumerateRelativeDistinguishedNames()
            .Select(attribute => attribute.HasMultipleElements
                ? $"multi-valued:{Convert.ToHexString(attribute.RawData.Span)}"
                : $"{attribute.GetSingleElementType().Value}={attribute.GetSingleElementValue()}")
            .Order(StringComparer.OrdinalIgnoreCase),
    ];

    private static string? FindCommonName(X509Certificate2 certificate)
    {
        string? commonName = null;
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (name.HasMultipleElements || name.GetSingleElementType().Value != CommonNameOid)
            {
                continue;
            }

            // Two CN attributes make the name ambiguous, so such a certificate matches no CN entry.
            if (commonName is not null)
            {
                return null;
            }

            commonName = name.GetSingleElementValue();
        }

        return commonName;
    }
}
