using System.Security.Cryptography;
using System.Text;
using GsoHitService.Coordinator.Store;
using GsoHitService.Coordinator.Store.Encryption;

namespace GsoHitService.Coordinator.Tests.Store;

public sealed class StoredValueCipherTests : IDisposable
{
    private static readonly CiphertextBinding Binding = new("subjects", "label", "subject-1");

    private readonly DataKeyRing _ring;
    private readonly StoredValueCipher _cipher;

    public StoredValueCipherTests()
    {
        var key = DataKey.Generate(DateTimeOffset.UnixEpoch);
        _ring = new DataKeyRing(key, [key]);
        _cipher = new StoredValueCipher(_ring);
    }

    public void Dispose() => _ring.Dispose();

    [Fact]
    public void EncryptText_ThenDecrypt_ReturnsTheText()
    {
        var stored = _cipher.EncryptText("Betrokkene Müller", Binding);

        Assert.Equal("Betrokkene Müller", _cipher.DecryptText(stored, Binding));
    }

    [Fact]
    public void Encrypt_SameValueTwice_GivesDifferentCiphertexts()
    {
        Assert.NotEqual(_cipher.EncryptText("123456782", Binding), _cipher.EncryptText("123456782", Binding));
    }

    [Fact]
    public void Encrypt_Value_StoresKeyIdInHeader()
    {
        var stored = _cipher.EncryptText("x", Binding);

        Assert.Equal(1, stored[0]);
        Assert.Equal(_ring.Current.Id, Encoding.ASCII.GetString(stored, 2, stored[1]));
    }

    [Theory]
    [InlineData("signals", "label", "subject-1")]
    [InlineData("subjects", "title", "subject-1")]
    [InlineData("subjects", "label", "subject-2")]
    [InlineData("subjectsl", "abel", "subject-1")]
    public void Decrypt_OtherPlace_FailsAuthentication(string table, string column, string rowKey)
    {
        var stored = _cipher.EncryptText("Betrokkene A", Binding);

        var exception = Assert.Throws<CoordinatorStoreException>(() => _cipher.DecryptText(stored, new CiphertextBinding(table, column, rowKey)));

        Assert.Equal(StoreError.DecryptionFailed, exception.Error);
        Assert.DoesNotContain("Betrokkene", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-1)]
    public void Decrypt_FlippedBit_FailsAuthentication(int index)
    {
        var stored = _cipher.EncryptText("Betrokkene A", Binding);
        var position = index < 0 ? stored.Length - 1 : index;
        stored[position] ^= 0x01;

        var exception = Assert.Throws<CoordinatorStoreException>(() => _cipher.DecryptText(stored, Binding));

        Assert.Equal(StoreError.DecryptionFailed, exception.Error);
    }

    [Fact]
    public void Decrypt_Truncated_FailsClearly()
    {
        var stored = _cipher.EncryptText("Betrokkene A", Binding);

        var exception = Assert.Throws<CoordinatorStoreException>(() => _cipher.DecryptText(stored.AsSpan(0, 10), Binding));

        Assert.Contains("it is truncated", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_UnknownKeyId_IsDataKeyMismatch()
    {
        var otherKey = DataKey.Generate(DateTimeOffset.UnixEpoch);
        using var otherRing = new DataKeyRing(otherKey, [otherKey]);
        var stored = new StoredValueCipher(otherRing).EncryptText("x", Binding);

        var exception = Assert.Throws<CoordinatorStoreException>(() => _cipher.DecryptText(stored, Binding));

        Assert.Equal(StoreError.DataKeyMismatch, exception.Error);
        Assert.Contains(otherKey.Id, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_OlderKeyOfRing_Works()
    {
        var material = RandomNumberGenerator.GetBytes(DataKey.KeyLength);
        var oldKey = DataKey.FromBytes("old-key", DateTimeOffset.UnixEpoch, material);
        using var oldRing = new DataKeyRing(oldKey, [oldKey]);
        var stored = new StoredValueCipher(oldRing).EncryptText("oude waarde", Binding);

        var newKey = DataKey.Generate(DateTimeOffset.UnixEpoch);
        using var rotated = new DataKeyRing(newKey, [newKey, DataKey.FromBytes("old-key", DateTimeOffset.UnixEpoch, material)]);

        Assert.Equal("oude waarde", new StoredValueCipher(rotated).DecryptText(stored, Binding));
    }

    [Fact]
    public void Disposed_Key_CannotEncrypt()
    {
        var key = DataKey.Generate(DateTimeOffset.UnixEpoch);
        var ring = new DataKeyRing(key, [key]);
        ring.Dispose();

        Assert.Throws<ObjectDisposedException>(() => new StoredValueCipher(ring).EncryptText("x", Binding));
    }
}
