namespace GsoHitService.Agent.Queries;

/// <summary>The client certificate that made a request, as recorded in quotas and the audit log.</summary>
/// <param name="Thumbprint">SHA-256 hash of the certificate, upper-case hex.</param>
/// <param name="Subject">Subject distinguished name, for people reading the audit log.</param>
internal sealed record CallerIdentity(string Thumbprint, string Subject);
