namespace GsoHitService.Sources.Configuration;

/// <summary>
/// Format of a department source. The BRP kinds come with built-in identifier mappings; the others
/// use the mappings in <see cref="SourceOptions.Identifiers"/>.
/// </summary>
public enum SourceKind
{
    /// <summary>A delimited text export (CSV) with a header row; every field is read as text.</summary>
    Csv = 1,

    /// <summary>A query on a SQLite, PostgreSQL or SQL Server database.</summary>
    Sql,

    /// <summary>A JSON export whose records and fields are named by field paths.</summary>
    Json,

    /// <summary>A Haal Centraal BRP personen response (BRP API v2): <c>{"personen": [...]}</c>.</summary>
    BrpHaalCentraal,

    /// <summary>The GBA-style personen JSON of the BRP API mock: an array of persons with <c>yyyymmdd</c> dates.</summary>
    BrpGbaJson,

    /// <summary>
    /// A GBA-V persoonslijsten CSV with one column per GBA element (<c>01.01.20</c> BSN, ...); a row
    /// with an empty first column continues the persoonslijst above it.
    /// </summary>
    BrpGbaVCsv,
}
