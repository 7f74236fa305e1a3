using GsoHitService.Cli.Decisions;
using GsoHitService.Cli.Resources;
using GsoHitService.Matching;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Coordinator;

/// <summary>Names of wire enum values as users read them.</summary>
internal static class WireNames
{
    /// <summary>The identifier type's user name, for example <c>KvK-nummer</c>; a number the build does not know is shown as such.</summary>
    public static string TypeName(Protocol.V1.IdentifierType type) =>
        IdentifierTypes.IsDefined((int)type, out var known)
            ? IdentifierMessages.GetTypeName(known.Value)
            : Messages.Format(CoordinatorStrings.UnknownIdentifierType, (int)type);

    public static string TypeNames(IEnumerable<Protocol.V1.IdentifierType> types) => string.Join(", ", types.Select(TypeName));

    public static string KindName(DecisionKind kind) => kind switch
    {
        DecisionKind.PrivacyCheck1 => CoordinatorStrings.DecisionKindPrivacyCheck1,
        DecisionKind.PrivacyCheck2 => CoordinatorStrings.DecisionKindPrivacyCheck2,
        _ => CoordinatorStrings.DecisionKindUnknown,
    };
}
