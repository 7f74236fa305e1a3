namespace GsoHitService.Demo.Data;

/// <summary>
/// What <see cref="DemoDataSet.WriteTo(string)"/> wrote.
/// </summary>
/// <param name="Folder">Full path of the demo's working folder.</param>
/// <param name="Departments">Per department, in the order of <see cref="DemoDepartments.All"/>.</param>
public sealed record DemoDataSetFiles(string Folder, IReadOnlyList<DemoDepartmentData> Departments)
{
    /// <summary>Gets the exports of one department.</summary>
    /// <exception cref="ArgumentException">The department is not one of <see cref="DemoDepartments.All"/>.</exception>
    public DemoDepartmentData Department(string department) =>
        Departments.FirstOrDefault(data => data.Department == department)
        ?? throw new ArgumentException($"'{department}' is not a demo department; use one of {string.Join(", ", DemoDepartments.All)}.", nameof(department));
}

/// <summary>
/// The exports of one department.
/// </summary>
/// <param name="Department">Department name from <see cref="DemoDepartments"/>.</param>
/// <param name="Description">One line for users in the UI culture, for example "Belastingen: 151 WOZ-objecten en 226 aanslagen uit het belastingsysteem (CSV)."</param>
/// <param name="Files">The department's export files.</param>
public sealed record DemoDepartmentData(string Department, string Description, IReadOnlyList<DemoExportFile> Files);

/// <summary>
/// One export file with the counts that an import report of it must show.
/// </summary>
/// <param name="SourceName">Source name for the agent configuration, for example <c>aanslagen</c>.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="Records">Records (JSON objects or CSV data rows) in the file.</param>
/// <param name="InactiveRecords">Records that the source's relevance filter excludes.</param>
/// <param name="InvalidRecords">Deliberately invalid records, in which every identifier breaks a rule, so the import rejects them.</param>
public sealed record DemoExportFile(string SourceName, string Path, int Records, int InactiveRecords, int InvalidRecords);
