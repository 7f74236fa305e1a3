using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace GsoHitService.Matching;

/// <summary>
/// Names of identifier types on the command line and in configuration files.
/// </summary>
public static class IdentifierTypes
{
    private static readonly FrozenDictionary<string, IdentifierType> ByName = new Dictionary<string, IdentifierType>(StringComparer.OrdinalIgnoreCase)
    {
        ["bsn"] = IdentifierType.Bsn,
        ["rsin"] = IdentifierType.Rsin,
        ["kvk"] = IdentifierType.KvkNumber,
        ["vestigingsnummer"] = IdentifierType.BranchNumber,
        ["bag-id"] = IdentifierType.BagObjectId,
        ["adres"] = IdentifierType.Address,
        ["kenteken"] = IdentifierType.LicencePlate,
        ["iban"] = IdentifierType.Iban,
        ["naam-geboortedatum"] = IdentifierType.SurnameBirthDate,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>All identifier types, in wire order.</summary>
    public static IReadOnlyList<IdentifierType> All { get; } = Enum.GetValues<IdentifierType>();

    /// <summary>The names accepted by <see cref="TryParse"/>, in wire order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(ToName).ToArray();

    /// <summary>Gets the command-line and configuration name, for example <c>naam-geboortedatum</c>.</summary>
    public static string ToName(IdentifierType type) => type switch
    {
        IdentifierType.Bsn => "bsn",
        IdentifierType.Rsin => "rsin",
        IdentifierType.KvkNumber => "kvk",
        IdentifierType.BranchNumber => "vestigingsnummer",
        IdentifierType.BagObjectId => "bag-id",
        IdentifierType.Address => "adres",
        IdentifierType.LicencePlate => "kenteken",
        IdentifierType.Iban => "iban",
        IdentifierType.SurnameBirthDate => "naam-geboortedatum",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown identifier type."),
    };

    /// <summary>Parses a command-line or configuration name, ignoring case.</summary>
    public static bool TryParse(string? name, out IdentifierType type)
    {
        if (name is not null && ByName.TryGetValue(name.Trim(), out type))
        {
            return true;
        }

        type = default;
        return false;
    }

    /// <summary>Checks that a numeric value is a defined identifier type, for values read from the wire.</summary>
    public static bool IsDefined(int value, [NotNullWhen(true)] out IdentifierType? type)
    {
        if (value is > 0 and <= byte.MaxValue && Enum.IsDefined((IdentifierType)(byte)value))
        {
            type = (IdentifierType)value;
            return true;
        }

        type = null;
        return false;
    }
}
