using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>
/// A mapping of surname and birth date fields to surname + birth date keys, with the candidates that
/// the aanduiding naamgebruik or a name in use implies.
/// </summary>
internal sealed class NameMapping(IdentifierMappingOptions options, bool includeUsedName) : MappingDefinition(IdentifierType.SurnameBirthDate, options)
{
    // A copy, so that a later change to the options object cannot change a running source.
    private readonly NameFieldsOptions _fields = new()
    {
        Prefix = options.Name!.Prefix,
        Surname = options.Name.Surname,
        BirthDate = options.Name.BirthDate,
        SurnameIsUsedName = options.Name.SurnameIsUsedName,
        NameUsage = options.Name.NameUsage,
        PartnerPrefix = options.Name.PartnerPrefix,
        PartnerSurname = options.Name.PartnerSurname,
        IndexUsedName = options.Name.IndexUsedName,
    };

    private bool IncludeUsedName => includeUsedName && _fields.IndexUsedName;

    public override CompiledMapping Compile(IRecordReader reader, DateOnly today) => new Compiled(
        this,
        new NameAccessors(
            ResolveOptional(reader, _fields.Prefix),
            reader.Resolve(_fields.Surname!),
            reader.Resolve(_fields.BirthDate!),
            ResolveOptional(reader, _fields.NameUsage),
            ResolveOptional(reader, _fields.PartnerPrefix),
            ResolveOptional(reader, _fields.PartnerSurname)),
        CompileWhen(reader, today));

    private sealed record NameAccessors(
        FieldAccessor? Prefix,
        FieldAccessor Surname,
        FieldAccessor BirthDate,
        FieldAccessor? NameUsage,
        FieldAccessor? PartnerPrefix,
        FieldAccessor? PartnerSurname)
    {
        public IEnumerable<FieldAccessor> All => new[] { Prefix, Surname, BirthDate, NameUsage, PartnerPrefix, PartnerSurname }.OfType<FieldAccessor>();
    }

    private sealed class Compiled(NameMapping definition, NameAccessors fields, IReadOnlyList<CompiledCondition> when)
        : CompiledMapping(IdentifierType.SurnameBirthDate, when)
    {
        public override IEnumerable<FieldAccessor> Accessors => fields.All.Concat(WhenAccessors);

        protected override void MapCore(SourceRecord record, MappingResult result, MappingScratch scratch)
        {
            var values = scratch.Values;
            if (!TryReadSingle(fields.Surname, record, result, values, out var surname)
                || !TryReadSingle(fields.BirthDate, record, result, values, out var birthDate)
                || !TryReadSingle(fields.Prefix, record, result, values, out var prefix)
                || !TryReadSingle(fields.NameUsage, record, result, values, out var nameUsage)
                || !TryReadSingle(fields.PartnerPrefix, record, result, values, out var partnerPrefix)
                || !TryReadSingle(fields.PartnerSurname, record, result, values, out var partnerSurname))
            {
                return;
            }

            if (surname is null && birthDate is null)
            {
                return;
            }

            string? birthDateText = null;
            if (birthDate is { } date && !TryGetText(date, fields.BirthDate.Field, leadingZerosCount: false, hasPadRule: false, result, out birthDateText))
            {
                return;
            }

            if (surname is { Kind: FieldValueKind.Unsupported } || prefix is { Kind: FieldValueKind.Unsupported })
            {
                result.Reject(RejectionReasons.For(Type, RejectionReasons.UnsupportedValue));
                return;
            }

            // An empty voorvoegsel field leaves the prefix to the normaliser, which then recognises
            // one at the start of the surname just as the query side does.
            var prefixText = string.IsNullOrWhiteSpace(prefix?.Text) ? null : prefix.Value.Text;
            var candidates = scratch.Candidates;
            candidates.Clear();
            var surnameText = surname?.Text ?? "";
            if (definition._fields.SurnameIsUsedName)
            {
                SurnameCandidates.AddFromUsedName(candidates, prefixText, surnameText);
            }
            else
            {
                SurnameCandidates.AddOwnAndUsed(
                    candidates,
                    prefixText,
                    surnameText,
                    nameUsage?.Text,
                    string.IsNullOrWhiteSpace(partnerPrefix?.Text) ? null : partnerPrefix.Value.Text,
                    partnerSurname?.Text,
                    definition.IncludeUsedName);
            }

            foreach (var candidate in candidates)
            {
                var input = new SurnameBirthDateInput(candidate.Prefix, candidate.Surname, birthDateText);
                if (IdentifierNormalizer.TryNormalizeSurnameBirthDate(input, definition.ColumnOptions, out var identifier, out var error))
                {
                    result.Add(identifier);
                }
                else if (candidate.IsOwnName)
                {
                    result.Reject(RejectionReasons.For(error));
                }
            }
        }
    }
}
