namespace GsoHitService.Demo.Data;

/// <summary>
/// One KvK test company with the fields that the generated exports use.
/// </summary>
/// <param name="KvkNumber">KvK-nummer, 8 digits.</param>
/// <param name="Name">Naam (statutaire naam or first handelsnaam).</param>
/// <param name="Address">Bezoekadres of the hoofdvestiging.</param>
/// <param name="OwnerBsn">BSN of the natural person who owns an eenmanszaak, where the source names one.</param>
internal sealed record KvkCompany(
    string KvkNumber,
    string Name,
    DutchAddress Address,
    string? OwnerBsn)
{
    public override string ToString() => "KvkCompany";
}
