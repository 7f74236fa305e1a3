namespace GsoHitService.Matching;

/// <summary>
/// Version of the normalisation rules. Any rule change that can change a canonical form changes
/// <see cref="Id"/>, and coordinator and agents refuse to compare tokens of different profiles.
/// </summary>
public static class NormaliserProfile
{
    /// <summary>The profile id that this build implements.</summary>
    public const string Id = "nl-1";

    /// <summary>
    /// SHA-256 (hex) over the canonical encodings and rejection rules of the fixed input corpus in
    /// the tests' profile fingerprint test, for the rules of <see cref="Id"/>. When a rule change
    /// alters it, canonical forms changed: bump <see cref="Id"/> and then update this value.
    /// </summary>
    internal const string CorpusFingerprint = "4981488e6a12c7e06d195cc08fecdcb9b871da9dbb2f361d14ac7866a54fe242";
}
