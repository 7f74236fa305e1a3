using System.Security.Cryptography;
using Grpc.Core;
using GsoHitService.Agent.Queries;

namespace GsoHitService.Agent.Services;

/// <summary>Reads the caller's identity from the TLS connection of a call.</summary>
internal static class CallerIdentities
{
    /// <summary>Placeholder for a call without client certificate, which Kestrel's settings should make impossible.</summary>
    public static CallerIdentity Anonymous { get; } = new("", "(no client certificate)");

    /// <summary>Returns the identity of the client certificate, or null when the connection has none.</summary>
    public static CallerIdentity? FromCall(ServerCallContext context)
    {
        var certificate = context.GetHttpContext().Connection.ClientCertificate;
        return certificate is null
            ? null
            : new CallerIdentity(certificate.GetCertHashString(HashAlgorithmName.SHA256), certificate.Subject);
    }
}
