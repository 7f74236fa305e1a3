using System.Text.Json.Nodes;
using GsoHitService.Decisions.Keys;

namespace GsoHitService.LoadDriver;

/// <summary>Writes the <c>CoreTeam</c> configuration section of generated kerngroep members.</summary>
internal static class RosterSection
{
    /// <summary>Creates the section with one roster entry per member, as <c>gso member export-public</c> prints it.</summary>
    public static JsonObject From(IEnumerable<MemberSigningKey> members)
    {
        var entries = new JsonArray();
        foreach (var member in members)
        {
            entries.Add(new JsonObject
            {
                ["Id"] = member.MemberId,
                ["Name"] = member.Name,
                ["Role"] = member.Role.ToString(),
                ["PublicKey"] = Convert.ToBase64String(member.PublicKey),
            });
        }

        return new JsonObject { ["Members"] = entries };
    }
}
