namespace GsoHitService.Demo.Data.Exports;

/// <summary>
/// Counts of one generated export, for the demo's description and for import-report tests.
/// </summary>
/// <param name="Records">Records (JSON objects or CSV data rows) in the file.</param>
/// <param name="Inactive">Records that a relevance filter excludes: withdrawn, refused, expired or annulled.</param>
/// <param name="Invalid">Deliberately invalid records: every identifier in them breaks a rule, so an import rejects the whole record.</param>
internal readonly record struct ExportCounts(int Records, int Inactive, int Invalid);
