namespace GsoHitService.Cli.Coordinator;

/// <summary>
/// Connection settings as given on the command line; null where the option was not given.
/// </summary>
internal sealed record ConnectionInput(
    string? Address = null,
    string? Certificate = null,
    string? Key = null,
    string? CertificatePasswordFile = null,
    string? Ca = null,
    string? ConfigFile = null,
    int? TimeoutSeconds = null);
