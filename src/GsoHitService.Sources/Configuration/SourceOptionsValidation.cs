using System.Globalization;
using GsoHitService.Matching;
using GsoHitService.Sources.Internal.Brp;
using GsoHitService.Sources.Internal.Csv;
using GsoHitService.Sources.Internal.Json;
using GsoHitService.Sources.Internal.Mapping;

namespace GsoHitService.Sources.Configuration;

/// <summary>
/// Checks source options and lists every problem with the setting's full configuration path, for
/// example <c>Agent:Sources:0:Csv:Delimiter</c>, and what to change.
/// </summary>
internal static class SourceOptionsValidation
{
    public static List<string> Validate(IReadOnlyList<SourceOptions> sources, string sourcesPath)
    {
        var errors = new List<string>();
        if (sources.Count == 0)
        {
            errors.Add($"{sourcesPath} must list one or more sources: an agent without a source cannot answer any query.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sources.Count; i++)
        {
            var path = $"{sourcesPath}:{i}";
            var source = sources[i];
            if (source.Name is { } name && !string.IsNullOrWhiteSpace(name) && !names.Add(name.Trim()))
            {
                errors.Add($"{path}:Name '{name}' is used by more than one source; give every source a unique name.");
            }

            ValidateSource(source, path, errors);
        }

        return errors;
    }

    public static void ValidateSource(SourceOptions source, string path, List<string> errors)
    {
        ValidateName(source.Name, $"{path}:Name", "source", errors);
        if (source.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add($"{path}:Kind is required: use one of {string.Join(", ", Enum.GetNames<SourceKind>())}.");
            return;
        }

        var isFileKind = kind != SourceKind.Sql;
        if (isFileKind && string.IsNullOrWhiteSpace(source.Path))
        {
            errors.Add($"{path}:Path is required for a {kind} source: the export file, absolute or relative to the agent's folder.");
        }
        else if (!isFileKind && !string.IsNullOrWhiteSpace(source.Path))
        {
            errors.Add($"{path}:Path is not used by a Sql source; remove it and set Sql:ConnectionString or one of its alternatives.");
        }

        if (kind is SourceKind.Csv or SourceKind.BrpGbaVCsv)
        {
            ValidateCsv(source.Csv, $"{path}:Csv", errors);
        }

        if (kind == SourceKind.Sql)
        {
            ValidateSql(source.Sql, $"{path}:Sql", errors);
        }

        if (kind == SourceKind.Json && !JsonFieldPath.TryParse(source.Json.RecordsPath, out _, out var recordsError))
        {
            errors.Add($"{path}:Json:RecordsPath is not a valid field path: {recordsError}.");
        }

        var usesPaths = kind is SourceKind.Json or SourceKind.BrpHaalCentraal or SourceKind.BrpGbaJson;
        if (BrpPresets.IsBrp(kind))
        {
            if (source.Identifiers.Count > 0)
            {
                errors.Add($"{path}:Identifiers must be empty for a {kind} source, whose identifier mappings are built in.");
            }
        }
        else if (source.Identifiers.Count == 0)
        {
            errors.Add($"{path}:Identifiers must map at least one field to an identifier type.");
        }

        for (var j = 0; j < source.Identifiers.Count; j++)
        {
            ValidateMapping(source.Identifiers[j], $"{path}:Identifiers:{j}", usesPaths, errors);
        }

        for (var j = 0; j < source.Relevance.Count; j++)
        {
            ValidateCondition(source.Relevance[j], $"{path}:Relevance:{j}", usesPaths, errors);
        }

        foreach (var (fieldName, fields) in source.ReleasableFields)
        {
            var fieldPath = $"{path}:ReleasableFields:{fieldName}";
            ValidateName(fieldName, fieldPath, "releasable field", errors);
            if (fields.Count == 0 || fields.Exists(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{fieldPath} must list one or more source fields, none of them empty.");
            }

            foreach (var field in fields.Where(field => !string.IsNullOrWhiteSpace(field)))
            {
                ValidateField(field, fieldPath, usesPaths, errors);
            }
        }
    }

    private static void ValidateName(string? name, string path, string subject, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{path} is required: give the {subject} a name.");
        }
        else if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"{path} '{name}' may contain only letters a-z, digits, '-', '_' and '.'.");
        }
    }

    private static void ValidateCsv(CsvSourceOptions csv, string path, List<string> errors)
    {
        if (!CsvDelimiters.TryParse(csv.Delimiter, out _))
        {
            errors.Add($"{path}:Delimiter '{csv.Delimiter}' is not supported: use ';', ',', 'tab' or '|', or leave it empty to detect it.");
        }

        if (!CsvEncodings.TryParse(csv.Encoding, out _))
        {
            errors.Add($"{path}:Encoding '{csv.Encoding}' is not supported: use 'utf-8', 'windows-1252' or 'utf-16', or leave it empty for UTF-8.");
        }
    }

    private static void ValidateSql(SqlSourceOptions sql, string path, List<string> errors)
    {
        if (sql.Provider is not { } provider || !Enum.IsDefined(provider))
        {
            errors.Add($"{path}:Provider is required: use one of {string.Join(", ", Enum.GetNames<SqlProvider>())}.");
        }

        var connectionSettings = new[] { sql.ConnectionString, sql.ConnectionStringEnvironmentVariable, sql.ConnectionStringFile }
            .Count(value => !string.IsNullOrWhiteSpace(value));
        if (connectionSettings != 1)
        {
            errors.Add($"{path}: set exactly one of ConnectionString, ConnectionStringEnvironmentVariable and ConnectionStringFile.");
        }

        if (string.IsNullOrWhiteSpace(sql.Query))
        {
            errors.Add($"{path}:Query is required: the SELECT that returns one row per record.");
        }

        if (sql.CommandTimeoutSeconds is < 1 or > 86_400)
        {
            errors.Add($"{path}:CommandTimeoutSeconds must be between 1 and 86400 seconds.");
        }
    }

    private static void ValidateMapping(IdentifierMappingOptions mapping, string path, bool usesPaths, List<string> errors)
    {
        if (!IdentifierTypes.TryParse(mapping.Type, out var type))
        {
            errors.Add($"{path}:Type '{mapping.Type}' is not an identifier type: use one of {string.Join(", ", IdentifierTypes.Names)}.");
            return;
        }

        var typeName = IdentifierTypes.ToName(type);
        var fields = new List<(string Setting, string? Field)>();
        switch (type)
        {
            case IdentifierType.Address:
                if (mapping.Address is not { } address || string.IsNullOrWhiteSpace(address.Postcode) || string.IsNullOrWhiteSpace(address.HouseNumber))
                {
                    errors.Add($"{path}:Address:Postcode and {path}:Address:HouseNumber are required for type adres.");
                }
                else
                {
                    fields.AddRange([("Address:Postcode", address.Postcode), ("Address:HouseNumber", address.HouseNumber), ("Address:HouseLetter", address.HouseLetter), ("Address:Addition", address.Addition)]);
                }

                RequireUnset(mapping.Field, $"{path}:Field", typeName, "use Address", errors);
                RequireUnset(mapping.Name, $"{path}:Name", typeName, "use Address", errors);
                break;
            case IdentifierType.SurnameBirthDate:
                ValidateNameFields(mapping.Name, path, errors, fields);
                RequireUnset(mapping.Field, $"{path}:Field", typeName, "use Name", errors);
                RequireUnset(mapping.Address, $"{path}:Address", typeName, "use Name", errors);
                break;
            default:
                if (string.IsNullOrWhiteSpace(mapping.Field))
                {
                    errors.Add($"{path}:Field is required for type {typeName}: the column or field path that holds the value.");
                }

                fields.Add(("Field", mapping.Field));
                RequireUnset(mapping.Address, $"{path}:Address", typeName, "use Field", errors);
                RequireUnset(mapping.Name, $"{path}:Name", typeName, "use Field", errors);
                break;
        }

        ValidateMappingOptions(mapping, type, path, errors);
        fields.Add(("LocationDesignationField", mapping.LocationDesignationField));
        foreach (var (setting, field) in fields)
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                ValidateField(field, $"{path}:{setting}", usesPaths, errors);
            }
        }

        for (var k = 0; k < mapping.When.Count; k++)
        {
            ValidateCondition(mapping.When[k], $"{path}:When:{k}", usesPaths, errors);
        }
    }

    private static void ValidateNameFields(NameFieldsOptions? name, string path, List<string> errors, List<(string Setting, string? Field)> fields)
    {
        if (name is null || string.IsNullOrWhiteSpace(name.Surname) || string.IsNullOrWhiteSpace(name.BirthDate))
        {
            errors.Add($"{path}:Name:Surname and {path}:Name:BirthDate are required for type naam-geboortedatum.");
            return;
        }

        var hasPartner = !string.IsNullOrWhiteSpace(name.PartnerSurname) || !string.IsNullOrWhiteSpace(name.PartnerPrefix);
        if (name.SurnameIsUsedName && (hasPartner || !string.IsNullOrWhiteSpace(name.NameUsage)))
        {
            errors.Add($"{path}:Name:SurnameIsUsedName cannot be combined with NameUsage or the partner fields: a name in use already contains the partner's name.");
        }
        else if (hasPartner != !string.IsNullOrWhiteSpace(name.NameUsage) || (hasPartner && string.IsNullOrWhiteSpace(name.PartnerSurname)))
        {
            errors.Add($"{path}:Name:NameUsage and {path}:Name:PartnerSurname are needed together to derive the name in use.");
        }

        fields.AddRange(
        [
            ("Name:Prefix", name.Prefix), ("Name:Surname", name.Surname), ("Name:BirthDate", name.BirthDate),
            ("Name:NameUsage", name.NameUsage), ("Name:PartnerPrefix", name.PartnerPrefix), ("Name:PartnerSurname", name.PartnerSurname),
        ]);
    }

    private static void ValidateMappingOptions(IdentifierMappingOptions mapping, IdentifierType type, string path, List<string> errors)
    {
        var isSingleField = type is not (IdentifierType.Address or IdentifierType.SurnameBirthDate);
        if (!string.IsNullOrEmpty(mapping.Separator) && !isSingleField)
        {
            errors.Add($"{path}:Separator applies only to single-field types such as kenteken or bsn.");
        }

        if (mapping.RestoreLeadingZeros && !SingleFieldMapping.LeadingZerosCount(type))
        {
            errors.Add($"{path}:RestoreLeadingZeros applies only to bsn, rsin, kvk, vestigingsnummer and bag-id.");
        }

        if (mapping.HouseNumberConvention is not null && type != IdentifierType.Address)
        {
            errors.Add($"{path}:HouseNumberConvention applies only to type adres.");
        }

        if (mapping.HouseNumberConvention is { } convention && !Enum.IsDefined(convention))
        {
            errors.Add($"{path}:HouseNumberConvention is not valid: use one of {string.Join(", ", Enum.GetNames<HouseNumberConvention>())}.");
        }

        if (mapping.DateFormats.Count > 0 && type != IdentifierType.SurnameBirthDate)
        {
            errors.Add($"{path}:DateFormats applies only to type naam-geboortedatum.");
        }

        ValidateBirthDateFormats(mapping.DateFormats, $"{path}:DateFormats", errors);
        if (mapping.BagIdAsAddress && type != IdentifierType.BagObjectId)
        {
            errors.Add($"{path}:BagIdAsAddress applies only to type bag-id.");
        }

        if (!string.IsNullOrWhiteSpace(mapping.LocationDesignationField) && type is not (IdentifierType.Address or IdentifierType.BagObjectId))
        {
            errors.Add($"{path}:LocationDesignationField applies only to types adres and bag-id.");
        }
    }

    private static void ValidateCondition(FieldConditionOptions condition, string path, bool usesPaths, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(condition.Field))
        {
            errors.Add($"{path}:Field is required: the column or field path to test.");
        }
        else
        {
            ValidateField(condition.Field, $"{path}:Field", usesPaths, errors);
        }

        if (condition.Operator is not { } op || !Enum.IsDefined(op))
        {
            errors.Add($"{path}:Operator is required: use one of {string.Join(", ", Enum.GetNames<ConditionOperator>())}.");
            return;
        }

        var isDateTest = ConditionDefinition.IsDateTest(op);
        switch (op)
        {
            case ConditionOperator.Equal or ConditionOperator.NotEqual when condition.Value is null:
                errors.Add($"{path}:Value is required for {op}.");
                break;
            case ConditionOperator.In or ConditionOperator.NotIn when condition.Values.Count == 0:
                errors.Add($"{path}:Values must list one or more texts for {op}.");
                break;
            case ConditionOperator.NotEmpty or ConditionOperator.Empty when condition.Value is not null || condition.Values.Count > 0:
                errors.Add($"{path}: Value and Values are not used by {op}; remove them.");
                break;
            case ConditionOperator.OnOrAfter or ConditionOperator.Before when !RelativeDate.TryParse(condition.Value, out _):
                errors.Add($"{path}:Value must be a date yyyy-MM-dd, 'today', or 'today' plus or minus days such as 'today-365' for {op}.");
                break;
        }

        if (!isDateTest && (condition.DateFormats.Count > 0 || condition.EmptyMatches))
        {
            errors.Add($"{path}: DateFormats and EmptyMatches apply only to OnOrAfter and Before.");
        }

        foreach (var format in condition.DateFormats.Where(format => !IsDateFormat(format)))
        {
            errors.Add($"{path}:DateFormats '{format}' is not a .NET custom date format such as 'dd-MM-yyyy'.");
        }
    }

    /// <summary>Checks birth date formats with the matching core, which supports fewer forms than .NET.</summary>
    private static void ValidateBirthDateFormats(List<string> formats, string path, List<string> errors)
    {
        foreach (var format in formats)
        {
            try
            {
                var sample = new SurnameBirthDateInput(null, "Jansen", "19850307");
                IdentifierNormalizer.TryNormalizeSurnameBirthDate(sample, new ColumnOptions { DateFormats = [format] }, out _, out _);
            }
            catch (ArgumentException exception)
            {
                errors.Add($"{path}: {exception.Message}");
            }
        }
    }

    private static bool IsDateFormat(string format)
    {
        if (string.IsNullOrWhiteSpace(format) || !format.Contains("yy", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var sample = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void ValidateField(string field, string path, bool usesPaths, List<string> errors)
    {
        if (usesPaths && (!JsonFieldPath.TryParse(field, out var fieldPath, out var error) || fieldPath.IsRoot))
        {
            errors.Add($"{path} '{field}' is not a valid field path: {(error.Length > 0 ? error : "it is empty")}.");
        }
    }

    private static void RequireUnset(object? value, string path, string typeName, string advice, List<string> errors)
    {
        if (value is not null && (value is not string text || !string.IsNullOrWhiteSpace(text)))
        {
            errors.Add($"{path} is not used by type {typeName}; {advice}.");
        }
    }
}
