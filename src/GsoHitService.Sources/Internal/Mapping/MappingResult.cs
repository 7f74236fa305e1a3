using GsoHitService.Matching;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// What the identifier mappings found in one record: valid identifiers without duplicates, reasons
/// of rejected identifier values (each reason once per record), a reason that rejects the whole row,
/// and fields to flag in the import report. Reused from record to record.
/// </summary>
internal sealed class MappingResult
{
    private readonly HashSet<CanonicalIdentifier> _seen = [];
    private readonly List<CanonicalIdentifier> _identifiers = [];
    private readonly List<string> _rejections = [];
    private readonly List<(string Field, string Reason)> _flags = [];

    public IReadOnlyList<CanonicalIdentifier> Identifiers => _identifiers;

    /// <summary>Reasons of rejected identifier values, in mapping order.</summary>
    public IReadOnlyList<string> Rejections => _rejections;

    /// <summary>A reason that rejects the row even when it has valid identifiers.</summary>
    public string? RowRejection { get; private set; }

    /// <summary>Fields to flag, with the reason code.</summary>
    public IReadOnlyList<(string Field, string Reason)> Flags => _flags;

    public void Clear()
    {
        _seen.Clear();
        _identifiers.Clear();
        _rejections.Clear();
        _flags.Clear();
        RowRejection = null;
    }

    public void Add(CanonicalIdentifier identifier)
    {
        if (_seen.Add(identifier))
        {
            _identifiers.Add(identifier);
        }
    }

    public void Reject(string reason)
    {
        if (!_rejections.Contains(reason))
        {
            _rejections.Add(reason);
        }
    }

    /// <summary>Rejects the whole row and flags the field whose values cannot be trusted.</summary>
    public void RejectRow(string reason, string field)
    {
        RowRejection ??= reason;
        _flags.Add((field, reason));
    }

    /// <summary>Copies the identifiers for a <see cref="MappedRecord"/>, which outlives this result.</summary>
    public CanonicalIdentifier[] ToArray() => [.. _identifiers];
}
