using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>A mapping of one field to a single-field type (BSN, KvK-nummer, kenteken, BAG id, ...).</summary>
internal sealed class SingleFieldMapping(IdentifierType type, IdentifierMappingOptions options) : MappingDefinition(type, options)
{
    public string Field { get; } = options.Field!;

    public string? Separator { get; } = string.IsNullOrEmpty(options.Separator) ? null : options.Separator;

    public string? LocationDesignationField { get; } = options.LocationDesignationField;

    /// <summary>Types whose values are digit strings in which leading zeros count.</summary>
    public static bool LeadingZerosCount(IdentifierType type) =>
        type is IdentifierType.Bsn or IdentifierType.Rsin or IdentifierType.KvkNumber or IdentifierType.BranchNumber or IdentifierType.BagObjectId;

    public override CompiledMapping Compile(IRecordReader reader, DateOnly today) =>
        new Compiled(this, reader.Resolve(Field), ResolveOptional(reader, LocationDesignationField), CompileWhen(reader, today));

    private sealed class Compiled(
        SingleFieldMapping definition,
        FieldAccessor accessor,
        FieldAccessor? locationDesignation,
        IReadOnlyList<CompiledCondition> when) : CompiledMapping(definition.Type, when)
    {
        public override IEnumerable<FieldAccessor> Accessors =>
            locationDesignation is null ? [accessor, .. WhenAccessors] : [accessor, locationDesignation, .. WhenAccessors];

        protected override void MapCore(SourceRecord record, MappingResult result, MappingScratch scratch)
        {
            var values = scratch.Values;
            if (locationDesignation is not null)
            {
                values.Clear();
                locationDesignation.AddValues(record, values);
                if (values.Count > 0)
                {
                    // A record near an address (tegenover, bij) must not match the address's BAG id.
                    values.Clear();
                    accessor.AddValues(record, values);
                    if (values.Count > 0)
                    {
                        result.Reject(RejectionReasons.For(Type, nameof(IdentifierRule.LocationDesignation)));
                    }

                    return;
                }
            }

            values.Clear();
            accessor.AddValues(record, values);
            foreach (var value in values)
            {
                if (definition.Separator is { } separator && value.Kind == FieldValueKind.Text)
                {
                    foreach (var part in value.Text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        Normalize(part, result);
                    }
                }
                else if (TryGetText(value, accessor.Field, LeadingZerosCount(Type), definition.ColumnOptions.RestoreLeadingZeros, result, out var text))
                {
                    Normalize(text, result);
                }
            }
        }

        private void Normalize(string text, MappingResult result)
        {
            if (IdentifierNormalizer.TryNormalize(Type, text, definition.ColumnOptions, out var identifier, out var error))
            {
                result.Add(identifier);
            }
            else
            {
                result.Reject(RejectionReasons.For(error));
            }
        }
    }
}
