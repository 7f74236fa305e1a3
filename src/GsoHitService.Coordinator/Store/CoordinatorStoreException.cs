namespace GsoHitService.Coordinator.Store;

/// <summary>
/// A store operation that cannot be carried out. <see cref="Error"/> selects the status that the API
/// layer returns, and the message is for operators and names ids only, never identifiers or content.
/// </summary>
public sealed class CoordinatorStoreException(StoreError error, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The kind of failure.</summary>
    public StoreError Error { get; } = error;
}

/// <summary>The kinds of <see cref="CoordinatorStoreException"/>.</summary>
public enum StoreError
{
    /// <summary>An entity that the operation refers to does not exist (gRPC NOT_FOUND or FAILED_PRECONDITION).</summary>
    NotFound = 1,

    /// <summary>An entity with the same id or the same unique key already exists (gRPC ALREADY_EXISTS).</summary>
    AlreadyExists = 2,

    /// <summary>The operation does not fit the state of the stored data (gRPC FAILED_PRECONDITION).</summary>
    InvalidState = 3,

    /// <summary>A stored value failed authenticated decryption: wrong data key, tampering or a value moved between rows.</summary>
    DecryptionFailed = 4,

    /// <summary>The database schema is newer than this coordinator, or differs from the migrations it ships.</summary>
    SchemaMismatch = 5,

    /// <summary>The data-key file does not hold the keys that this database was written with.</summary>
    DataKeyMismatch = 6,
}
