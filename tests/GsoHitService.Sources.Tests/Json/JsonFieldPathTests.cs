using System.Text.Json;
using GsoHitService.Sources.Internal.Json;

namespace GsoHitService.Sources.Tests.Json;

public sealed class JsonFieldPathTests
{
    private const string Document = """
        {
          "naam": { "voorvoegsel": "van", "geslachtsnaam": "Zon" },
          "partners": [ { "naam": { "geslachtsnaam": "Braber" } }, { "naam": { "geslachtsnaam": "Jansen" } } ],
          "fields": [ { "fieldName": "A", "text": "1" }, { "fieldName": "B", "text": "2" }, { "fieldName": "B", "text": "3" } ]
        }
        """;

    [Theory]
    [InlineData("naam.geslachtsnaam", "Zon")]
    [InlineData("partners.naam.geslachtsnaam", "Braber|Jansen")]
    [InlineData("partners[1].naam.geslachtsnaam", "Jansen")]
    [InlineData("partners[].naam.geslachtsnaam", "Braber|Jansen")]
    [InlineData("fields[fieldName=B].text", "2|3")]
    [InlineData("fields[fieldName=C].text", "")]
    [InlineData("partners[5].naam.geslachtsnaam", "")]
    [InlineData("naam.roepnaam", "")]
    [InlineData("naam[0].geslachtsnaam", "")]
    public void Collect_Path_FindsValues(string path, string expected)
    {
        using var document = JsonDocument.Parse(Document);
        Assert.True(JsonFieldPath.TryParse(path, out var fieldPath, out var error), error);
        var found = new List<JsonElement>();

        fieldPath.Collect(document.RootElement, found);

        Assert.Equal(expected, string.Join('|', found.Select(element => element.GetString())));
    }

    [Theory]
    [InlineData("naam..geslachtsnaam")]
    [InlineData("naam.")]
    [InlineData(".naam")]
    [InlineData("fields[fieldName=A")]
    [InlineData("fields[=A].text")]
    [InlineData("fields[0]x")]
    [InlineData("fields]")]
    public void TryParse_InvalidPath_Fails(string path) =>
        Assert.False(JsonFieldPath.TryParse(path, out _, out _));
}
