using System.Globalization;
using GsoHitService.Audit;
using GsoHitService.Coordinator.Api;
using GsoHitService.Coordinator.Auditing;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Store;
using GsoHitService.Matching;
using GsoHitService.Protocol;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Signals;

/// <summary>
/// Registers a signal: validates every identifier with the same normaliser that the agents use,
/// and records the signal only when all of them are valid. An invalid identifier is refused with
/// its position, type and rule in the trailers, never with its value.
/// </summary>
internal sealed class SignalRegistrar(ICoordinatorStore store, CoordinatorAudit audit)
{
    /// <summary>The subject kinds as the API names them.</summary>
    public const string PersonKind = "persoon";

    public const string OrganisationKind = "organisatie";

    public async Task<Signal> RegisterAsync(Proto.RegisterSignalRequest request, CallerIdentity caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var subjects = new List<NewSubject>(request.Subjects.Count);
        for (var subjectIndex = 0; subjectIndex < request.Subjects.Count; subjectIndex++)
        {
            subjects.Add(ToNewSubject(request.Subjects[subjectIndex], subjectIndex));
        }

        var signal = await store.RegisterSignalAsync(new NewSignal(request.Title, request.Reporter, request.Description, subjects), cancellationToken);

        var identifierCount = signal.Subjects.Sum(subject => subject.Identifiers.Count);
        await audit.RecordAfterTheFactAsync(new AuditEntry(caller.Actor, CoordinatorAudit.Actions.SignalRegistered, AuditOutcome.Succeeded)
        {
            Reason = string.Create(CultureInfo.InvariantCulture, $"signal {signal.Id}; {signal.Subjects.Count} subjects; {identifierCount} identifiers"),
        });
        return signal;
    }

    public static SubjectKind ParseKind(string kind, int subjectIndex) => kind.Trim().ToLowerInvariant() switch
    {
        PersonKind => SubjectKind.Person,
        OrganisationKind => SubjectKind.Organisation,
        _ => throw RequestRefusedException.InvalidArgument(
            CoordinatorErrorCodes.ReasonInvalidRequest,
            $"Subject {subjectIndex} has an unknown kind; the kind is \"{PersonKind}\" or \"{OrganisationKind}\".",
            (CoordinatorErrorCodes.SubjectIndexTrailer, Index(subjectIndex))),
    };

    private static NewSubject ToNewSubject(Proto.SubjectInput input, int subjectIndex)
    {
        var kind = ParseKind(input.Kind, subjectIndex);
        var identifiers = new List<CanonicalIdentifier>(input.Identifiers.Count);
        for (var identifierIndex = 0; identifierIndex < input.Identifiers.Count; identifierIndex++)
        {
            var identifier = Normalize(input.Identifiers[identifierIndex], subjectIndex, identifierIndex);

            // Two spellings of one identifier give one canonical form; storing both would ask the same token twice.
            if (identifiers.Contains(identifier))
            {
                throw RequestRefusedException.InvalidArgument(
                    CoordinatorErrorCodes.ReasonDuplicateIdentifier,
                    $"Identifier {identifierIndex} of subject {subjectIndex} is the same {IdentifierTypes.ToName(identifier.Type)} as an earlier identifier of that subject.",
                    (CoordinatorErrorCodes.SubjectIndexTrailer, Index(subjectIndex)),
                    (CoordinatorErrorCodes.IdentifierIndexTrailer, Index(identifierIndex)),
                    (CoordinatorErrorCodes.IdentifierTypeTrailer, IdentifierTypes.ToName(identifier.Type)));
            }

            identifiers.Add(identifier);
        }

        return new NewSubject(input.Label, kind, identifiers);
    }

    private static CanonicalIdentifier Normalize(Proto.IdentifierInput input, int subjectIndex, int identifierIndex)
    {
        if (!IdentifierTypes.IsDefined((int)input.Type, out var type))
        {
            throw RequestRefusedException.InvalidArgument(
                CoordinatorErrorCodes.ReasonInvalidRequest,
                $"Identifier {identifierIndex} of subject {subjectIndex} has no known identifier type (value {(int)input.Type}).",
                (CoordinatorErrorCodes.SubjectIndexTrailer, Index(subjectIndex)),
                (CoordinatorErrorCodes.IdentifierIndexTrailer, Index(identifierIndex)));
        }

        if (IdentifierNormalizer.TryNormalize(type.Value, input.Value, options: null, out var canonical, out var error))
        {
            return canonical;
        }

        var typeName = IdentifierTypes.ToName(error.Type);
        throw RequestRefusedException.InvalidArgument(
            CoordinatorErrorCodes.ReasonInvalidIdentifier,
            $"Identifier {identifierIndex} of subject {subjectIndex} is not a valid {typeName}: rule {error.Rule} failed.",
            (CoordinatorErrorCodes.SubjectIndexTrailer, Index(subjectIndex)),
            (CoordinatorErrorCodes.IdentifierIndexTrailer, Index(identifierIndex)),
            (CoordinatorErrorCodes.IdentifierTypeTrailer, typeName),
            (CoordinatorErrorCodes.IdentifierRuleTrailer, error.Rule.ToString()));
    }

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);
}
