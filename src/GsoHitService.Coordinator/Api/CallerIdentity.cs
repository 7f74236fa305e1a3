using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using GsoHitService.Audit;

namespace GsoHitService.Coordinator.Api;

/// <summary>The caller of a coordinator call, from its client certificate.</summary>
/// <param name="Actor">Subject and SHA-256 thumbprint, as the audit log records callers.</param>
/// <param name="CommonName">The subject's common name (CN); for case-team members, the member id.</param>
internal sealed record CallerIdentity(string Actor, string CommonName)
{
    /// <summary>Stands for a call without client certificate, which the server's TLS settings make impossible.</summary>
    public static CallerIdentity Anonymous { get; } = new("(no client certificate)", "");

    public static CallerIdentity FromCall(ServerCallContext context)
    {
        var certificate = context.GetHttpContext().Connection.ClientCertificate;
        return certificate is null
            ? Anonymous
            : new CallerIdentity(AuditActor.FromCertificate(certificate), certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
    }
}
