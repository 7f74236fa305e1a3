namespace GsoHitService.Matching;

/// <summary>
/// Kind of identifier. The numeric values are hashed into every match token and are equal to the
/// wire values of <c>gso.v1.IdentifierType</c>, so they never change meaning.
/// </summary>
public enum IdentifierType : byte
{
    /// <summary>Burgerservicenummer: 9 digits with the elfproef.</summary>
    Bsn = 1,

    /// <summary>RSIN of a legal entity: 9 digits with the elfproef, never equal to a BSN token.</summary>
    Rsin = 2,

    /// <summary>KvK-nummer: exactly 8 digits, no check digit.</summary>
    KvkNumber = 3,

    /// <summary>Vestigingsnummer of the Handelsregister: exactly 12 digits, no check digit.</summary>
    BranchNumber = 4,

    /// <summary>BAG object id: 16 digits (municipality code, object type, serial).</summary>
    BagObjectId = 5,

    /// <summary>Postcode + huisnummer + huisletter + huisnummertoevoeging.</summary>
    Address = 6,

    /// <summary>Dutch kenteken in one of the RDW sidecodes.</summary>
    LicencePlate = 7,

    /// <summary>IBAN with the ISO 13616 mod-97 check.</summary>
    Iban = 8,

    /// <summary>Own geslachtsnaam with voorvoegsel, plus a (possibly partial) birth date.</summary>
    SurnameBirthDate = 9,
}
