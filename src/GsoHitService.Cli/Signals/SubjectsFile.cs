using System.Text;
using System.Text.Json;
using GsoHitService.Cli.Coordinator;
using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using nietras.SeparatedValues;

namespace GsoHitService.Cli.Signals;

/// <summary>
/// Reads the subjects of a signal from a JSON or CSV file. Structure errors name the file and the
/// place (line or subject number), never a value.
/// </summary>
/// <remarks>
/// JSON: an array of objects with <c>label</c>, <c>soort</c> (<c>persoon</c> or
/// <c>organisatie</c>) and <c>identificaties</c>, an array of objects with <c>type</c> and
/// <c>waarde</c>. CSV: a header <c>label,soort,type,waarde</c> (separated by <c>;</c>,
/// <c>,</c> or a tab, found from the header) and one row per identifier; rows with the same label
/// form one subject. A value that contains the separator is quoted. UTF-8, with or without BOM.
/// </remarks>
internal static class SubjectsFile
{
    // A subjects file lists a handful of subjects; this bounds memory for a wrong file.
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly string[] CsvColumns = ["label", "soort", "type", "waarde"];

    public static IReadOnlyList<SubjectEntry> Read(string path)
    {
        var content = ReadText(path);
        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && content.TrimStart().StartsWith('['));
        return isJson ? ReadJson(path, content) : ReadCsv(path, content);
    }

    private static string ReadText(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw Invalid(path, Messages.Format(SignalStrings.SubjectsFileTooLarge, MaxFileBytes / (1024 * 1024)));
            }

            // Strict UTF-8: a Windows-1252 export is rejected instead of read with replacement characters.
            var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            return File.ReadAllText(path, encoding);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(SignalStrings.SubjectsFileNotFound, path));
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(path, SignalStrings.SubjectsFileNotUtf8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CoordinatorCommandException(ExitCodes.InvalidInput, Messages.Format(SignalStrings.SubjectsFileUnreadable, path, exception.Message));
        }
    }

    private static List<SubjectEntry> ReadJson(string path, string content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw Invalid(path, Messages.Format(SignalStrings.SubjectsFileNotJson, (exception.LineNumber ?? 0) + 1));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(path, SignalStrings.SubjectsFileNotArray);
            }

            var subjects = new List<SubjectEntry>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                subjects.Add(ReadJsonSubject(path, element, subjects.Count + 1));
            }

            return subjects;
        }
    }

    private static SubjectEntry ReadJsonSubject(string path, JsonElement element, int number)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, Messages.Format(SignalStrings.SubjectNotObject, number));
        }

        string? label = null;
        string? kind = null;
        var identifiers = new List<IdentifierEntry>();
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "label":
                    label = RequireText(path, property.Value, number, property.Name);
                    break;
                case "soort":
                    kind = RequireText(path, property.Value, number, property.Name);
                    break;
                case "identificaties" when property.Value.ValueKind == JsonValueKind.Array:
                    foreach (var identifier in property.Value.EnumerateArray())
                    {
                        identifiers.Add(ReadJsonIdentifier(path, identifier, number, identifiers.Count + 1));
                    }

                    break;
                case "identificaties":
                    throw Invalid(path, Messages.Format(SignalStrings.SubjectIdentifiersNotArray, number));
                default:
                    throw Invalid(path, Messages.Format(SignalStrings.SubjectUnknownProperty, number, property.Name));
            }
        }

        return new SubjectEntry(label ?? "", kind ?? "", identifiers);
    }

    private static IdentifierEntry ReadJsonIdentifier(string path, JsonElement element, int subjectNumber, int identifierNumber)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, Messages.Format(SignalStrings.IdentifierNotObject, subjectNumber, identifierNumber));
        }

        string? type = null;
        string? value = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type" or "waarde" when property.Value.ValueKind != JsonValueKind.String:
                    throw Invalid(path, Messages.Format(SignalStrings.IdentifierPropertyNotText, subjectNumber, identifierNumber, property.Name));
                case "type":
                    type = property.Value.GetString();
                    break;
                case "waarde":
                    value = property.Value.GetString();
                    break;
                default:
                    throw Invalid(path, Messages.Format(SignalStrings.IdentifierUnknownProperty, subjectNumber, identifierNumber, property.Name));
            }
        }

        return new IdentifierEntry(type ?? "", value ?? "", Line: null);
    }

    private static string RequireText(string path, JsonElement value, int number, string name) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(path, Messages.Format(SignalStrings.SubjectPropertyNotText, number, name));

    private static List<SubjectEntry> ReadCsv(string path, string content)
    {
        using var text = new StringReader(content);
        var headerLine = text.ReadLine();
        var linesBefore = 1;

        // Excel writes "sep=;" as a first line when asked to; it is a hint, not the header.
        if (headerLine is not null && headerLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            headerLine = text.ReadLine();
            linesBefore++;
        }

        var separator = FindSeparator(headerLine) ?? throw Invalid(path, Messages.Format(SignalStrings.CsvHeaderInvalid, string.Join(",", CsvColumns)));
        var rest = text.ReadToEnd();

        var rows = new List<(long Line, string[] Cells)>();
        long nextLine = linesBefore + 1;
        using (var reader = Sep.New(separator).Reader(options => options with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(rest))
        {
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = row[i].ToString();
                }

                // Counted here because a quoted cell may contain line breaks; Sep 0.18's own line
                // numbers did not match the file for such rows.
                var line = nextLine;
                nextLine += 1 + cells.Sum(cell => cell.Count(character => character == '\n'));

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (cells.Length != CsvColumns.Length)
                {
                    throw Invalid(path, Messages.Format(SignalStrings.CsvColumnCount, line, cells.Length, CsvColumns.Length));
                }

                rows.Add((line, cells));
            }
        }

        return GroupRows(path, rows);
    }

    private static char? FindSeparator(string? headerLine)
    {
        if (headerLine is null)
        {
            return null;
        }

        foreach (var separator in new[] { ';', ',', '\t' })
        {
            var names = headerLine.TrimStart('\uFEFF').Split(separator).Select(name => name.Trim().Trim('"').ToLowerInvariant());
            if (names.SequenceEqual(CsvColumns))
            {
                return separator;
            }
        }

        return null;
    }

    private static List<SubjectEntry> GroupRows(string path, List<(long Line, string[] Cells)> rows)
    {
        var subjects = new List<(string Label, string Kind, long FirstLine, List<IdentifierEntry> Identifiers)>();
        foreach (var (line, cells) in rows)
        {
            var label = cells[0].Trim();
            var kind = cells[1].Trim();
            var index = subjects.FindIndex(subject => subject.Label == label);
            if (index < 0)
            {
                subjects.Add((label, kind, line, []));
                index = subjects.Count - 1;
            }
            else if (!string.Equals(subjects[index].Kind, kind, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(path, Messages.Format(SignalStrings.CsvKindConflict, line, label, subjects[index].FirstLine));
            }

            subjects[index].Identifiers.Add(new IdentifierEntry(cells[2].Trim(), cells[3], line));
        }

        return subjects.Select(subject => new SubjectEntry(subject.Label, subject.Kind, subject.Identifiers)).ToList();
    }

    private static CoordinatorCommandException Invalid(string path, string problem) =>
        new(ExitCodes.InvalidInput, Messages.Format(SignalStrings.SubjectsFileInvalid, path, problem));
}
