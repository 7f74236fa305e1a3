using GsoHitService.Sources.Configuration;

namespace GsoHitService.Sources.Tests.Infrastructure;

/// <summary>Short builders for source options in tests.</summary>
internal static class TestOptions
{
    public static SourceOptions CsvSource(string path, params IdentifierMappingOptions[] mappings) =>
        new() { Name = "test-csv", Kind = SourceKind.Csv, Path = path, Identifiers = [.. mappings] };

    public static SourceOptions JsonSource(string path, string? recordsPath, params IdentifierMappingOptions[] mappings) =>
        new() { Name = "test-json", Kind = SourceKind.Json, Path = path, Json = new JsonSourceOptions { RecordsPath = recordsPath }, Identifiers = [.. mappings] };

    public static IdentifierMappingOptions Field(string type, string field) => new() { Type = type, Field = field };

    public static IdentifierMappingOptions Address(string postcode, string houseNumber, string? letter = null, string? addition = null) => new()
    {
        Type = "adres",
        Address = new AddressFieldsOptions { Postcode = postcode, HouseNumber = houseNumber, HouseLetter = letter, Addition = addition },
    };

    public static IdentifierMappingOptions Name(string surname, string birthDate, string? prefix = null) => new()
    {
        Type = "naam-geboortedatum",
        Name = new NameFieldsOptions { Surname = surname, BirthDate = birthDate, Prefix = prefix },
    };

    public static FieldConditionOptions Condition(string field, ConditionOperator op, string? value = null, params string[] values) =>
        new() { Field = field, Operator = op, Value = value, Values = [.. values] };
}
