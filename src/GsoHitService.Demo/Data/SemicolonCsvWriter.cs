namespace GsoHitService.Demo.Data;

/// <summary>
/// Writes CSV the way Dutch back-office systems export it: UTF-8 with a byte order mark, <c>;</c>
/// between fields, CRLF line ends, and quotes only around fields that need them.
/// </summary>
internal sealed class SemicolonCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public SemicolonCsvWriter(Stream stream)
    {
        _writer = new StreamWriter(stream, ExportFormatting.Utf8WithBom, bufferSize: 4096, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
    }

    public void WriteRow(IReadOnlyList<string?> fields)
    {
        _writer.WriteLine(string.Join(';', fields.Select(field => Quote(field ?? ""))));
    }

    public void Dispose() => _writer.Dispose();

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
