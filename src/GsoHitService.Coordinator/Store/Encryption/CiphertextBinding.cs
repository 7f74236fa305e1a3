namespace GsoHitService.Coordinator.Store.Encryption;

/// <summary>
/// The place of an encrypted value: table, column and row key. It becomes the associated data of
/// AES-GCM, so a ciphertext copied to another row or column fails to decrypt.
/// </summary>
/// <param name="Table">The table name.</param>
/// <param name="Column">The column name.</param>
/// <param name="RowKey">
/// The row's primary key in text form, extended with every plain column that gives the value its
/// meaning (for example the identifier type), so that changing that column is detected too.
/// </param>
internal readonly record struct CiphertextBinding(string Table, string Column, string RowKey)
{
    public override string ToString() => $"{Table}.{Column} of row {RowKey}";
}
