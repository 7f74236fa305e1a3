namespace GsoHitService.Coordinator.Store.Migrations;

/// <summary>One schema migration: an embedded SQL script with its version.</summary>
/// <param name="Version">The schema version that the script produces; versions run 1, 2, 3, … without gaps.</param>
/// <param name="Name">The script's name without version and extension, for example <c>initial_schema</c>.</param>
/// <param name="Sql">The script text, with line endings normalised to LF.</param>
/// <param name="Checksum">Lowercase hex SHA-256 of <paramref name="Sql"/>, recorded when the migration is applied.</param>
internal sealed record Migration(int Version, string Name, string Sql, string Checksum);
