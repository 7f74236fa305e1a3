using GsoHitService.Cli.Decisions;
using GsoHitService.Decisions.Keys;

namespace GsoHitService.Cli.Demo;

/// <summary>Small pieces of the demo's Dutch (or English) output.</summary>
internal static class DemoText
{
    public static string Format(string template, params object?[] arguments) => Messages.Format(template, arguments);

    /// <inheritdoc cref="Messages.FormatCount"/>
    public static string FormatCount(long count, string singular, string plural, params object?[] arguments) =>
        Messages.FormatCount(count, singular, plural, arguments);

    /// <summary>A kerngroep member as "name (role)".</summary>
    public static string Member(MemberSigningKey member) => $"{member.Name} ({RoleNames.Display(member.Role)})";
}
