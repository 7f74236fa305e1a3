using GsoHitService.Matching;

namespace GsoHitService.Matching.Tests.Identifiers;

/// <summary>Assertions shared by the rule tables.</summary>
internal static class NormalizerAssert
{
    public static void Rejects(IdentifierType type, string input, IdentifierRule expected, ColumnOptions? options = null)
    {
        var valid = IdentifierNormalizer.TryNormalize(type, input, options, out var identifier, out var error);

        Assert.False(valid, $"Expected rule {expected}, but the value was accepted as '{identifier?.Value}'.");
        Assert.Equal(new IdentifierError(type, expected), error);
    }

    public static void Accepts(IdentifierType type, string input, string expectedValue, ColumnOptions? options = null)
    {
        var valid = IdentifierNormalizer.TryNormalize(type, input, options, out var identifier, out var error);

        Assert.True(valid, $"Expected '{expectedValue}', but the value broke rule {error.Rule}.");
        Assert.Equal(expectedValue, identifier!.Value);
    }
}
