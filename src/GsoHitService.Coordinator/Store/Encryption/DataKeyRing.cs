using System.Diagnostics.CodeAnalysis;

namespace GsoHitService.Coordinator.Store.Encryption;

/// <summary>
/// The data keys from the data-key file: the current key encrypts new values, and every key
/// decrypts the values that carry its id, so that a key can be rotated without rewriting the
/// database at once.
/// </summary>
internal sealed class DataKeyRing : IDisposable
{
    private readonly Dictionary<string, DataKey> _keys;

    public DataKeyRing(DataKey current, IEnumerable<DataKey> keys)
    {
        _keys = keys.ToDictionary(key => key.Id, StringComparer.Ordinal);
        if (!_keys.TryGetValue(current.Id, out var listed) || !ReferenceEquals(listed, current))
        {
            throw new ArgumentException("The current data key must be one of the keys of the ring.", nameof(current));
        }

        Current = current;
    }

    /// <summary>The key that encrypts new values.</summary>
    public DataKey Current { get; }

    /// <summary>Every key of the ring, the current one included.</summary>
    public IReadOnlyCollection<DataKey> Keys => _keys.Values;

    public bool TryGet(string id, [NotNullWhen(true)] out DataKey? key) => _keys.TryGetValue(id, out key);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    public override string ToString() => $"DataKeyRing(current {Current.Id}, {_keys.Count} keys)";
}
