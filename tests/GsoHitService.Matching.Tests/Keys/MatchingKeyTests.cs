using System.Diagnostics;
using System.Reflection;
using GsoHitService.Matching.Tests.Tokens;

namespace GsoHitService.Matching.Tests.Keys;

public sealed class MatchingKeyTests
{
    [Fact]
    public void KeyLength_IsAtLeast256Bits()
    {
        Assert.True(MatchingKey.KeyLength * 8 >= 256);
    }

    [Fact]
    public void Generate_TwoKeys_HaveDifferentBytes()
    {
        using var first = MatchingKey.Generate("2026-12");
        using var second = MatchingKey.Generate("2026-12");

        Assert.NotEqual(first.GetKeyBytes().ToArray(), second.GetKeyBytes().ToArray());
    }

    [Fact]
    public void Generate_KeepsEpochId()
    {
        using var key = MatchingKey.Generate("2026-12");

        Assert.Equal("2026-12", key.EpochId);
    }

    [Fact]
    public void ToString_ShowsEpochOnly()
    {
        using var key = TestKeys.VectorKey();

        Assert.Equal("MatchingKey(epoch test-vectors)", key.ToString());
    }

    [Fact]
    public void ToString_DoesNotContainKeyHex()
    {
        using var key = MatchingKey.Generate("2026-12");
        var hex = Convert.ToHexStringLower(key.GetKeyBytes());

        Assert.DoesNotContain(hex[..8], key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DebuggerDisplay_UsesToString()
    {
        var attribute = typeof(MatchingKey).GetCustomAttribute<DebuggerDisplayAttribute>();

        Assert.Equal("{ToString(),nq}", attribute?.Value);
    }

    [Fact]
    public void KeyField_IsHiddenFromDebugger()
    {
        var fields = typeof(MatchingKey).GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Where(field => field.FieldType == typeof(byte[]));

        Assert.All(fields, field => Assert.Equal(DebuggerBrowsableState.Never, field.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State));
    }

    [Fact]
    public void PublicSurface_ExposesNoKeyBytes()
    {
        Type[] byteCarriers = [typeof(byte[]), typeof(ReadOnlySpan<byte>), typeof(Span<byte>), typeof(ReadOnlyMemory<byte>), typeof(Memory<byte>)];

        var exposing = typeof(MatchingKey).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(member => member switch
            {
                PropertyInfo property => byteCarriers.Contains(property.PropertyType),
                MethodInfo method => byteCarriers.Contains(method.ReturnType),
                FieldInfo field => byteCarriers.Contains(field.FieldType),
                _ => false,
            })
            .Select(member => member.Name);

        Assert.Empty(exposing);
    }

    [Fact]
    public void Dispose_ZeroesKeyBytes()
    {
        var key = MatchingKey.Generate("2026-12");
        var bytes = (byte[])typeof(MatchingKey).GetField("_key", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(key)!;
        Assert.Contains(bytes, b => b != 0);

        key.Dispose();

        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void GetKeyBytes_AfterDispose_ThrowsObjectDisposed()
    {
        var key = MatchingKey.Generate("2026-12");
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.GetKeyBytes().Length);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var key = MatchingKey.Generate("2026-12");
        key.Dispose();

        var exception = Record.Exception(key.Dispose);

        Assert.Null(exception);
    }

    [Theory]
    [InlineData("2026-12")]
    [InlineData("2027-01.b")]
    [InlineData("epoch_1")]
    [InlineData("a")]
    [InlineData("12345678901234567890123456789012")]
    public void IsValidEpochId_ValidId_IsTrue(string epochId)
    {
        Assert.True(MatchingKey.IsValidEpochId(epochId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-2026")]
    [InlineData("2026 12")]
    [InlineData("2026-12\nkey: 00")]
    [InlineData("2026/12")]
    [InlineData("épocha")]
    [InlineData("123456789012345678901234567890123")]
    public void IsValidEpochId_InvalidId_IsFalse(string? epochId)
    {
        Assert.False(MatchingKey.IsValidEpochId(epochId));
    }

    [Fact]
    public void Generate_InvalidEpochId_ThrowsWithExample()
    {
        var exception = Assert.Throws<ArgumentException>(() => MatchingKey.Generate("2026/12"));

        Assert.Contains("2026-12", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Import_WrongLength_ThrowsWithoutKeyBytes(int length)
    {
        var bytes = Enumerable.Repeat((byte)0xab, length).ToArray();

        var exception = Assert.Throws<ArgumentException>(() => MatchingKey.Import("2026-12", bytes));

        Assert.DoesNotContain("abab", exception.Message, StringComparison.OrdinalIgnoreCase);
    }
}
