using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Signals;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Api;

/// <summary>Maps domain entities to API messages, so that generated types stay at the service boundary.</summary>
internal static class ProtoMapping
{
    public static Proto.SubjectView ToView(Subject subject)
    {
        var view = new Proto.SubjectView
        {
            SubjectId = subject.Id.Value,
            Label = subject.Label,
            Kind = subject.Kind == SubjectKind.Person ? SignalRegistrar.PersonKind : SignalRegistrar.OrganisationKind,
        };
        view.IdentifierTypes.AddRange(subject.Identifiers.Select(identifier => identifier.Type).Distinct().Order().Select(type => (Proto.IdentifierType)(int)type));
        return view;
    }

    public static Proto.SignalView ToView(Signal signal, IEnumerable<Decision> decisions, IEnumerable<HitQueryId> queryIds, Case? @case)
    {
        var view = new Proto.SignalView
        {
            SignalId = signal.Id.Value,
            Title = signal.Title,
            RegisteredAt = Timestamp.FromDateTimeOffset(signal.RegisteredAt),
            CaseId = @case?.Id.Value ?? "",
        };
        view.Subjects.AddRange(signal.Subjects.Select(ToView));
        view.Decisions.AddRange(decisions.Select(ToView));
        view.QueryIds.AddRange(queryIds.Select(id => id.Value));
        return view;
    }

    public static Proto.DecisionView ToView(Decision decision)
    {
        var view = new Proto.DecisionView
        {
            DecisionId = decision.Id.Value,
            Kind = (Proto.DecisionKind)(int)decision.Kind,
            ValidFrom = Timestamp.FromDateTimeOffset(decision.ValidFrom),
            ValidUntil = Timestamp.FromDateTimeOffset(decision.ValidUntil),
            Purpose = decision.Purpose,
            LegalBasis = decision.LegalBasis,
        };
        view.SignedBy.AddRange(decision.SignedBy);
        view.Departments.AddRange(decision.Departments);
        return view;
    }

    public static Proto.PreparedDecision ToProto(PreparedDecision decision) =>
        new() { DecisionId = decision.Id.Value, Payload = ByteString.CopyFrom(decision.Payload) };

    public static Proto.ContentReleaseView ToView(ContentRelease release) =>
        new()
        {
            ReleaseId = release.Id.Value,
            CaseId = release.CaseId.Value,
            Department = release.Department,
            SubjectCount = release.SubjectCount,
            RecordCount = release.Records.Count,
            ReleasedAt = Timestamp.FromDateTimeOffset(release.ReleasedAt),
        };

    public static Proto.PrivacyCheck3View ToView(PrivacyCheck3Entry entry)
    {
        var view = new Proto.PrivacyCheck3View
        {
            CaseId = entry.CaseId.Value,
            Member = entry.MemberId,
            RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        };
        view.Fields.AddRange(entry.Fields);
        return view;
    }
}
