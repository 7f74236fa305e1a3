using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>A mapping of postcode, huisnummer, huisletter and toevoeging fields to an address.</summary>
internal sealed class AddressMapping(IdentifierMappingOptions options) : MappingDefinition(IdentifierType.Address, options)
{
    private readonly string _postcode = options.Address!.Postcode!;
    private readonly string _houseNumber = options.Address!.HouseNumber!;
    private readonly string? _houseLetter = options.Address!.HouseLetter;
    private readonly string? _addition = options.Address!.Addition;
    private readonly string? _locationDesignation = options.LocationDesignationField;

    public override CompiledMapping Compile(IRecordReader reader, DateOnly today) => new Compiled(
        this,
        reader.Resolve(_postcode),
        reader.Resolve(_houseNumber),
        ResolveOptional(reader, _houseLetter),
        ResolveOptional(reader, _addition),
        ResolveOptional(reader, _locationDesignation),
        CompileWhen(reader, today));

    private sealed class Compiled(
        AddressMapping definition,
        FieldAccessor postcode,
        FieldAccessor houseNumber,
        FieldAccessor? houseLetter,
        FieldAccessor? addition,
        FieldAccessor? locationDesignation,
        IReadOnlyList<CompiledCondition> when) : CompiledMapping(IdentifierType.Address, when)
    {
        public override IEnumerable<FieldAccessor> Accessors =>
            new[] { postcode, houseNumber, houseLetter, addition, locationDesignation }.OfType<FieldAccessor>().Concat(WhenAccessors);

        protected override void MapCore(SourceRecord record, MappingResult result, MappingScratch scratch)
        {
            var values = scratch.Values;
            if (!TryReadSingle(postcode, record, result, values, out var postcodeValue)
                || !TryReadSingle(houseNumber, record, result, values, out var houseNumberValue)
                || !TryReadSingle(houseLetter, record, result, values, out var letterValue)
                || !TryReadSingle(addition, record, result, values, out var additionValue)
                || !TryReadSingle(locationDesignation, record, result, values, out var designationValue))
            {
                return;
            }

            if (postcodeValue is null && houseNumberValue is null && letterValue is null && additionValue is null)
            {
                return;
            }

            if (!TryGetPart(postcodeValue, postcode, result, out var postcodeText)
                || !TryGetPart(houseNumberValue, houseNumber, result, out var houseNumberText)
                || !TryGetPart(letterValue, houseLetter, result, out var letterText)
                || !TryGetPart(additionValue, addition, result, out var additionText))
            {
                return;
            }

            var input = new AddressInput(postcodeText, houseNumberText, letterText, additionText, designationValue?.Text);
            if (IdentifierNormalizer.TryNormalizeAddress(input, definition.ColumnOptions, out var identifier, out var error))
            {
                result.Add(identifier);
            }
            else
            {
                result.Reject(RejectionReasons.For(error));
            }
        }

        private bool TryGetPart(FieldValue? value, FieldAccessor? accessor, MappingResult result, out string? text)
        {
            text = null;
            if (value is not { } present)
            {
                return true;
            }

            // House numbers have no leading zeros, so a numeric huisnummer column needs no pad rule.
            var ok = TryGetText(present, accessor!.Field, leadingZerosCount: false, hasPadRule: false, result, out var partText);
            text = partText;
            return ok;
        }
    }
}
