using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>A validated identifier mapping, independent of any reader.</summary>
internal abstract class MappingDefinition(IdentifierType type, IdentifierMappingOptions options)
{
    public IdentifierType Type { get; } = type;

    public IReadOnlyList<ConditionDefinition> When { get; } = [.. options.When.Select(static condition => new ConditionDefinition(condition))];

    public ColumnOptions ColumnOptions { get; } = new()
    {
        RestoreLeadingZeros = options.RestoreLeadingZeros,
        HouseNumberConvention = options.HouseNumberConvention ?? default,
        DateFormats = [.. options.DateFormats],
        RequireAddressableBagObject = options.BagIdAsAddress,
    };

    /// <summary>Creates the mapping that <paramref name="options"/> describes; the options must be valid.</summary>
    public static MappingDefinition Create(IdentifierMappingOptions options, bool includeUsedName)
    {
        if (!IdentifierTypes.TryParse(options.Type, out var type))
        {
            throw new ArgumentException("The identifier type is not valid.", nameof(options));
        }

        return type switch
        {
            IdentifierType.Address => new AddressMapping(options),
            IdentifierType.SurnameBirthDate => new NameMapping(options, includeUsedName),
            _ => new SingleFieldMapping(type, options),
        };
    }

    public abstract CompiledMapping Compile(IRecordReader reader, DateOnly today);

    protected IReadOnlyList<CompiledCondition> CompileWhen(IRecordReader reader, DateOnly today) =>
        [.. When.Select(condition => condition.Compile(reader, today))];

    protected static FieldAccessor? ResolveOptional(IRecordReader reader, string? field) =>
        string.IsNullOrWhiteSpace(field) ? null : reader.Resolve(field);
}

/// <summary>Lists reused from record to record while mapping.</summary>
internal sealed class MappingScratch
{
    public List<FieldValue> Values { get; } = [];

    public List<SurnameCandidate> Candidates { get; } = [];
}

/// <summary>An identifier mapping resolved against one reader.</summary>
internal abstract class CompiledMapping(IdentifierType type, IReadOnlyList<CompiledCondition> when)
{
    public IdentifierType Type { get; } = type;

    /// <summary>Every field that the mapping reads, for the check that JSON paths were found.</summary>
    public abstract IEnumerable<FieldAccessor> Accessors { get; }

    public void Map(SourceRecord record, MappingResult result, MappingScratch scratch)
    {
        foreach (var condition in when)
        {
            switch (condition.Evaluate(record, scratch.Values))
            {
                case ConditionOutcome.Fail:
                    return;
                case ConditionOutcome.InvalidDate:
                    result.Reject(RejectionReasons.For(Type, "InvalidConditionDate"));
                    return;
            }
        }

        MapCore(record, result, scratch);
    }

    protected abstract void MapCore(SourceRecord record, MappingResult result, MappingScratch scratch);

    protected IEnumerable<FieldAccessor> WhenAccessors => when.Select(static condition => condition.Accessor);

    /// <summary>
    /// Reads the single value of a part of a composite identifier. Returns false, after counting the
    /// rejection, when the part has more than one value.
    /// </summary>
    protected bool TryReadSingle(FieldAccessor? accessor, SourceRecord record, MappingResult result, List<FieldValue> scratch, out FieldValue? value)
    {
        value = null;
        if (accessor is null)
        {
            return true;
        }

        scratch.Clear();
        accessor.AddValues(record, scratch);
        if (scratch.Count > 1)
        {
            result.Reject(RejectionReasons.For(Type, RejectionReasons.MultipleValues));
            return false;
        }

        value = scratch.Count == 1 ? scratch[0] : null;
        return true;
    }

    /// <summary>
    /// Gets the text to validate. A number is accepted only as an integer. Where leading zeros count,
    /// it also needs the pad rule. Without that rule the row is rejected and the field flagged,
    /// because the column as a whole cannot be trusted.
    /// </summary>
    protected bool TryGetText(FieldValue value, string field, bool leadingZerosCount, bool hasPadRule, MappingResult result, out string text)
    {
        text = value.Text;
        switch (value.Kind)
        {
            case FieldValueKind.Unsupported:
                result.Reject(RejectionReasons.For(Type, RejectionReasons.UnsupportedValue));
                return false;
            case FieldValueKind.Number when !IsInteger(value.Text):
                result.Reject(RejectionReasons.For(Type, RejectionReasons.NumericValue));
                return false;
            case FieldValueKind.Number when leadingZerosCount && !hasPadRule:
                result.RejectRow(RejectionReasons.For(Type, RejectionReasons.NumericValue), field);
                return false;
            default:
                return true;
        }
    }

    private static bool IsInteger(string text) => text.Length > 0 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
}
