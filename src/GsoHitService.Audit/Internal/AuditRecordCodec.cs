using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GsoHitService.Audit.Internal;

/// <summary>
/// The audit log's line format and hash.
/// </summary>
/// <remarks>
/// <para>
/// A line is one JSON object followed by <c>\n</c>, with the members <c>v</c> (format version 1),
/// <c>seq</c>, <c>time</c> (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>), <c>actor</c>, <c>action</c>,
/// <c>outcome</c> (<c>succeeded</c>, <c>refused</c>, <c>failed</c>), optional <c>decision</c>,
/// <c>department</c>, <c>counts</c> (<c>asked</c>, <c>hits</c>, <c>noHits</c>, <c>notHeld</c>,
/// <c>unavailable</c>), <c>reason</c> and <c>fields</c>, then <c>prev</c> and <c>hash</c>.
/// Unknown, duplicated or null members make a line invalid, because a member outside the hash
/// could carry unaudited data.
/// </para>
/// <para>
/// The hash is SHA-256 over a canonical encoding that does not depend on JSON formatting: the
/// domain tag <c>gso-audit-v1</c> as a text, then every field in the order above.
/// Integers are big-endian: sequence and time (in ticks) as 64 bits, counts as 32 bits.
/// A text is its UTF-8 length as 32 bits followed by its bytes.
/// An optional field is a byte 0 when absent, or a byte 1 followed by its value.
/// The field list is its count as 32 bits followed by each name.
/// The previous hash is its 32 raw bytes.
/// </para>
/// </remarks>
internal static class AuditRecordCodec
{
    public const int FormatVersion = 1;

    /// <summary>Maximum length of one line in bytes, newline excluded.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int MaxFields = 256;
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private static readonly byte[] DomainTag = "gso-audit-v1"u8.ToArray();

    /// <summary>Writes the record as one JSON line without the trailing newline.</summary>
    public static byte[] Serialize(AuditRecord record)
    {
        var entry = record.Entry;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteNumber("seq", record.Sequence);
            writer.WriteString("time", FormatTime(record.Timestamp));
            writer.WriteString("actor", entry.Actor);
            writer.WriteString("action", entry.Action);
            writer.WriteString("outcome", FormatOutcome(entry.Outcome));
            WriteOptional(writer, "decision", entry.DecisionId);
            WriteOptional(writer, "department", entry.Department);
            if (entry.Counts is { } counts)
            {
                writer.WriteStartObject("counts");
                writer.WriteNumber("asked", counts.Asked);
                writer.WriteNumber("hits", counts.Hits);
                writer.WriteNumber("noHits", counts.NoHits);
                writer.WriteNumber("notHeld", counts.NotHeld);
                writer.WriteNumber("unavailable", counts.Unavailable);
                writer.WriteEndObject();
            }

            WriteOptional(writer, "reason", entry.Reason);
            if (entry.Fields.Count > 0)
            {
                writer.WriteStartArray("fields");
                foreach (var field in entry.Fields)
                {
                    writer.WriteStringValue(field);
                }

                writer.WriteEndArray();
            }

            writer.WriteString("prev", record.PreviousHash);
            writer.WriteString("hash", record.Hash);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Returns the hash of an entry with its place in the chain, in lowercase hexadecimal.</summary>
    public static string ComputeHash(long sequence, DateTimeOffset timestamp, AuditEntry entry, string previousHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, DomainTag);
        AppendInt64(hash, sequence);
        AppendInt64(hash, timestamp.UtcTicks);
        AppendText(hash, entry.Actor);
        AppendText(hash, entry.Action);
        AppendText(hash, FormatOutcome(entry.Outcome));
        AppendOptionalText(hash, entry.DecisionId);
        AppendOptionalText(hash, entry.Department);
        if (entry.Counts is { } counts)
        {
            hash.AppendData([1]);
            AppendInt32(hash, counts.Asked);
            AppendInt32(hash, counts.Hits);
            AppendInt32(hash, counts.NoHits);
            AppendInt32(hash, counts.NotHeld);
            AppendInt32(hash, counts.Unavailable);
        }
        else
        {
            hash.AppendData([0]);
        }

        AppendOptionalText(hash, entry.Reason);
        AppendInt32(hash, entry.Fields.Count);
        foreach (var field in entry.Fields)
        {
            AppendText(hash, field);
        }

        hash.AppendData(Convert.FromHexString(previousHash));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Returns null when the entry may be logged, or which field breaks which rule.</summary>
    public static string? FindProblem(AuditEntry entry)
    {
        return FindNameProblem("actor", entry.Actor, required: true)
            ?? FindNameProblem("action", entry.Action, required: true)
            ?? (Enum.IsDefined(entry.Outcome) ? null : $"outcome {(int)entry.Outcome} is not a defined value")
            ?? FindNameProblem("decision", entry.DecisionId, required: false)
            ?? FindNameProblem("department", entry.Department, required: false)
            ?? FindCountsProblem(entry.Counts)
            ?? FindReasonProblem(entry.Reason)
            ?? FindFieldsProblem(entry.Fields);
    }

    /// <summary>
    /// Parses one line (without newline) and checks its own hash. Returns null on success, or
    /// the kind of problem and a description.
    /// </summary>
    public static (AuditBreakKind Kind, string Detail)? TryParse(ReadOnlyMemory<byte> line, out AuditRecord? record)
    {
        record = null;
        if (line.IsEmpty)
        {
            return (AuditBreakKind.InvalidJson, "empty line");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            return (AuditBreakKind.InvalidJson, $"not valid JSON: {exception.Message}");
        }

        using (document)
        {
            try
            {
                record = Read(document.RootElement);
            }
            catch (FormatException exception)
            {
                return (AuditBreakKind.InvalidEntry, exception.Message);
            }
        }

        var expected = ComputeHash(record.Sequence, record.Timestamp, record.Entry, record.PreviousHash);
        if (!string.Equals(expected, record.Hash, StringComparison.Ordinal))
        {
            return (AuditBreakKind.HashMismatch, "the stored hash does not match the entry's fields");
        }

        return null;
    }

    private static AuditRecord Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the line is not a JSON object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        long? version = null, sequence = null;
        string? time = null, actor = null, action = null, outcome = null, decision = null, department = null;
        string? reason = null, previous = null, hash = null;
        AuditCounts? counts = null;
        List<string> fields = [];

        foreach (var member in root.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                throw new FormatException($"member '{member.Name}' appears twice");
            }

            var value = member.Value;
            switch (member.Name)
            {
                case "v": version = ReadInteger(value, "v"); break;
                case "seq": sequence = ReadInteger(value, "seq"); break;
                case "time": time = ReadString(value, "time"); break;
                case "actor": actor = ReadString(value, "actor"); break;
                case "action": action = ReadString(value, "action"); break;
                case "outcome": outcome = ReadString(value, "outcome"); break;
                case "decision": decision = ReadString(value, "decision"); break;
                case "department": department = ReadString(value, "department"); break;
                case "counts": counts = ReadCounts(value); break;
                case "reason": reason = ReadString(value, "reason"); break;
                case "fields": fields = ReadFields(value); break;
                case "prev": previous = ReadString(value, "prev"); break;
                case "hash": hash = ReadString(value, "hash"); break;
                default: throw new FormatException($"unknown member '{member.Name}'");
            }
        }

        if (version != FormatVersion)
        {
            throw new FormatException(version is null ? "member 'v' is missing" : $"format version {version} is not supported (expected {FormatVersion})");
        }

        var entry = new AuditEntry(
            Required(actor, "actor"),
            Required(action, "action"),
            ParseOutcome(Required(outcome, "outcome")))
        {
            DecisionId = decision,
            Department = department,
            Counts = counts,
            Reason = reason,
            Fields = fields,
        };

        var problem = FindProblem(entry);
        if (problem is not null)
        {
            throw new FormatException(problem);
        }

        var sequenceNumber = sequence ?? throw new FormatException("member 'seq' is missing");
        if (sequenceNumber < 1)
        {
            throw new FormatException($"sequence number {sequenceNumber} is below 1");
        }

        return new AuditRecord(
            sequenceNumber,
            ParseTime(Required(time, "time")),
            entry,
            ParseHash(Required(previous, "prev"), "prev"),
            ParseHash(Required(hash, "hash"), "hash"));
    }

    private static string FormatTime(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"time '{text}' is not in the form yyyy-MM-ddTHH:mm:ss.fffffffZ");

    private static string FormatOutcome(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => "succeeded",
        AuditOutcome.Refused => "refused",
        AuditOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a defined audit outcome."),
    };

    private static AuditOutcome ParseOutcome(string text) => text switch
    {
        "succeeded" => AuditOutcome.Succeeded,
        "refused" => AuditOutcome.Refused,
        "failed" => AuditOutcome.Failed,
        _ => throw new FormatException($"outcome '{text}' is invalid; expected succeeded, refused or failed"),
    };

    private static string ParseHash(string text, string member) =>
        text.Length == 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? text
            : throw new FormatException($"member '{member}' is not 64 lowercase hexadecimal digits");

    private static string Required(string? value, string member) =>
        value ?? throw new FormatException($"member '{member}' is missing");

    private static long ReadInteger(JsonElement value, string member) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new FormatException($"member '{member}' is not an integer");

    private static string ReadString(JsonElement value, string member) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"member '{member}' is not a string");

    private static AuditCounts ReadCounts(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("member 'counts' is not an object");
        }

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (member.Name is not ("asked" or "hits" or "noHits" or "notHeld" or "unavailable"))
            {
                throw new FormatException($"unknown member 'counts.{member.Name}'");
            }

            if (member.Value.ValueKind != JsonValueKind.Number || !member.Value.TryGetInt32(out var number) || !numbers.TryAdd(member.Name, number))
            {
                throw new FormatException($"member 'counts.{member.Name}' is not a single 32-bit integer");
            }
        }

        int Get(string name) => numbers.TryGetValue(name, out var number) ? number : throw new FormatException($"member 'counts.{name}' is missing");
        return new AuditCounts(Get("asked"), Get("hits"), Get("noHits"), Get("notHeld"), Get("unavailable"));
    }

    private static List<string> ReadFields(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("member 'fields' is not an array");
        }

        var fields = value.EnumerateArray().Select(field => ReadString(field, "fields")).ToList();
        return fields.Count > 0 ? fields : throw new FormatException("member 'fields' is an empty array (it is left out when there are no fields)");
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? FindNameProblem(string field, string? value, bool required)
    {
        if (value is null)
        {
            return required ? $"{field} is missing" : null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{field} is empty";
        }

        if (value.Length > AuditEntry.MaxNameLength)
        {
            return $"{field} is longer than {AuditEntry.MaxNameLength} characters";
        }

        return value.Any(char.IsControl) ? $"{field} contains a control character" : null;
    }

    private static string? FindCountsProblem(AuditCounts? counts)
    {
        if (counts is null)
        {
            return null;
        }

        return counts.Asked < 0 || counts.Hits < 0 || counts.NoHits < 0 || counts.NotHeld < 0 || counts.Unavailable < 0
            ? "counts must not be negative"
            : null;
    }

    private static string? FindReasonProblem(string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "reason is empty";
        }

        if (reason.Length > AuditEntry.MaxReasonLength)
        {
            return $"reason is longer than {AuditEntry.MaxReasonLength} characters";
        }

        return reason.Any(char.IsControl) ? "reason contains a control character" : null;
    }

    private static string? FindFieldsProblem(IReadOnlyList<string>? fields)
    {
        if (fields is null)
        {
            return "fields is null (use an empty list)";
        }

        if (fields.Count > MaxFields)
        {
            return $"more than {MaxFields} fields";
        }

        return fields.Select(field => FindNameProblem("field name", field, required: true)).FirstOrDefault(problem => problem is not null);
    }

    private static void AppendText(IncrementalHash hash, string value) => AppendText(hash, Encoding.UTF8.GetBytes(value));

    private static void AppendText(IncrementalHash hash, byte[] bytes)
    {
        AppendInt32(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendOptionalText(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            hash.AppendData([0]);
            return;
        }

        hash.AppendData([1]);
        AppendText(hash, value);
    }

    private static void AppendInt32(IncrementalHash hash, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
