using GsoHitService.Matching;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// Relevance, identifier mappings and field map of a source, independent of any reader: the part of
/// the configuration that turns records into <see cref="MappedRecord"/>s.
/// </summary>
internal sealed class SourcePlan(
    IReadOnlyList<ConditionDefinition> relevance,
    IReadOnlyList<MappingDefinition> mappings,
    ReleasableFieldMap fieldMap)
{
    public IReadOnlyCollection<IdentifierType> IdentifierTypes { get; } = [.. mappings.Select(static mapping => mapping.Type).Distinct().Order()];

    public IReadOnlyCollection<string> ReleasableFields => fieldMap.Names;

    /// <summary>Resolves every field against an open reader; a missing column fails the load here, before any record.</summary>
    public CompiledSourcePlan Compile(IRecordReader reader, DateOnly today) => new(
        [.. relevance.Select(condition => condition.Compile(reader, today))],
        [.. mappings.Select(mapping => mapping.Compile(reader, today))],
        fieldMap.Compile(reader));
}

/// <summary>The outcome of mapping one record.</summary>
/// <param name="RejectionReason">Why the row is rejected, or null when it is indexed.</param>
internal readonly record struct RecordOutcome(string? RejectionReason);

/// <summary>A <see cref="SourcePlan"/> resolved against one reader for one load.</summary>
internal sealed class CompiledSourcePlan(
    IReadOnlyList<CompiledCondition> relevance,
    IReadOnlyList<CompiledMapping> mappings,
    ReleasableFieldMap.Compiled fieldMap)
{
    private readonly MappingScratch _scratch = new();

    /// <summary>Every field that the plan reads.</summary>
    public IEnumerable<FieldAccessor> Accessors => MatchingAccessors.Concat(fieldMap.Accessors);

    /// <summary>The fields that relevance and the identifier mappings read, which every load reads.</summary>
    public IEnumerable<FieldAccessor> MatchingAccessors =>
        relevance.Select(static condition => condition.Accessor)
            .Concat(mappings.SelectMany(static mapping => mapping.Accessors));

    /// <summary>
    /// Applies relevance and mappings to one record. On success <paramref name="result"/> contains the
    /// identifiers. Otherwise the outcome names the row's rejection reason.
    /// </summary>
    public RecordOutcome Map(SourceRecord record, MappingResult result)
    {
        result.Clear();
        if (record.MalformedReason is { } malformed)
        {
            return new RecordOutcome(malformed);
        }

        // Every condition is evaluated, also after the first one failed, so that a field that only
        // excluded records carry (an end date) still counts as found for the not-found warning.
        string? rejectionReason = null;
        foreach (var condition in relevance)
        {
            var outcome = condition.Evaluate(record, _scratch.Values);
            rejectionReason ??= outcome switch
            {
                ConditionOutcome.Fail => RejectionReasons.NotRelevant,
                ConditionOutcome.InvalidDate => RejectionReasons.InvalidRelevanceDate,
                _ => null,
            };
        }

        if (rejectionReason is not null)
        {
            return new RecordOutcome(rejectionReason);
        }

        foreach (var mapping in mappings)
        {
            mapping.Map(record, result, _scratch);
        }

        if (result.RowRejection is { } rowRejection)
        {
            return new RecordOutcome(rowRejection);
        }

        if (result.Identifiers.Count == 0)
        {
            return new RecordOutcome(result.Rejections.Count > 0 ? result.Rejections[0] : RejectionReasons.NoIdentifier);
        }

        return new RecordOutcome(null);
    }

    public IReadOnlyDictionary<string, string> ReadReleasableFields(SourceRecord record) => fieldMap.Read(record, _scratch.Values);
}
