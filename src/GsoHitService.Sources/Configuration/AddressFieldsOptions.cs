namespace GsoHitService.Sources.Configuration;

/// <summary>Fields that hold the parts of an address.</summary>
public sealed class AddressFieldsOptions
{
    public string? Postcode { get; set; }

    /// <summary>Huisnummer, or the whole free house-number text when the source keeps one field.</summary>
    public string? HouseNumber { get; set; }

    public string? HouseLetter { get; set; }

    /// <summary>Huisnummertoevoeging.</summary>
    public string? Addition { get; set; }
}
