using Google.Protobuf.WellKnownTypes;
using GsoHitService.Agent.Indexing;
using GsoHitService.Agent.Queries;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Agent.Services;

/// <summary>
/// Maps between the generated protobuf types and the agent's own types at the service boundary,
/// so that generated types do not reach the query and index code.
/// </summary>
internal static class ProtocolMapping
{
    public static AgentMatchContext? ToDomain(Proto.MatchContext? context) =>
        context is null ? null : new AgentMatchContext(context.TokenSchemeVersion, context.NormaliserProfile, context.KeyEpoch);

    public static Proto.MatchContext ToProto(AgentMatchContext context) => new()
    {
        TokenSchemeVersion = context.TokenSchemeVersion,
        NormaliserProfile = context.NormaliserProfile,
        KeyEpoch = context.KeyEpoch,
    };

    public static SignedDecisionEnvelope? ToDomain(Proto.SignedDecision? decision) =>
        decision is null
            ? null
            : new SignedDecisionEnvelope(
                decision.Payload.Memory,
                decision.Signatures.Select(signature => (signature.MemberId, signature.Signature.Memory)).ToArray());

    public static Proto.IndexState ToProto(IndexState state) => state switch
    {
        IndexState.Loading => Proto.IndexState.Loading,
        IndexState.Ready => Proto.IndexState.Ready,
        IndexState.Failed => Proto.IndexState.Failed,
        IndexState.Stale => Proto.IndexState.Stale,
        _ => Proto.IndexState.Unspecified,
    };

    public static Proto.HitAnswer ToProto(ProbeAnswer answer) => answer switch
    {
        ProbeAnswer.Hit => Proto.HitAnswer.Hit,
        ProbeAnswer.NoHit => Proto.HitAnswer.NoHit,
        ProbeAnswer.NotHeld => Proto.HitAnswer.NotHeld,
        _ => Proto.HitAnswer.Unavailable,
    };

    public static Timestamp? ToProto(DateTimeOffset? time) => time is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    /// <summary>Creates the answers of groups <paramref name="firstGroup"/> to <paramref name="firstGroup"/> + <paramref name="groupCount"/>.</summary>
    /// <param name="result">The answered request.</param>
    /// <param name="firstGroup">Index of the first group.</param>
    /// <param name="groupCount">Number of groups.</param>
    /// <param name="firstAnswer">Position in <see cref="QueryAnswers.Answers"/> of the first group's first answer.</param>
    public static IEnumerable<Proto.ProbeGroupAnswers> ToProto(QueryAnswers result, int firstGroup, int groupCount, int firstAnswer)
    {
        var position = firstAnswer;
        for (var i = firstGroup; i < firstGroup + groupCount; i++)
        {
            var group = result.Groups[i];
            var groupAnswers = new Proto.ProbeGroupAnswers { IdentifierType = (Proto.IdentifierType)(int)group.Type };
            groupAnswers.Answers.Capacity = group.TokenCount;
            foreach (var answer in result.Answers.AsSpan(position, group.TokenCount))
            {
                groupAnswers.Answers.Add(ToProto(answer));
            }

            position += group.TokenCount;
            yield return groupAnswers;
        }
    }

    public static IReadOnlyList<ReleaseRequestReader.RawSubject> ToDomain(IEnumerable<Proto.RequestedSubject> subjects) =>
        [.. subjects.Select(subject => new ReleaseRequestReader.RawSubject(
            subject.SubjectRef,
            [.. subject.Tokens.Select(group => ((int)group.IdentifierType, group.Tokens.Memory))]))];

    public static Proto.ContentReleaseReply ToProto(ReleasedContent content)
    {
        var reply = new Proto.ContentReleaseReply { IndexLoadedAt = ToProto(content.IndexLoadedAt) };
        foreach (var subject in content.Subjects)
        {
            var released = new Proto.ReleasedSubject { SubjectRef = subject.SubjectRef };
            foreach (var record in subject.Records)
            {
                var releasedRecord = new Proto.ReleasedRecord { Source = record.Source };
                foreach (var (name, value) in record.Fields)
                {
                    releasedRecord.Fields.Add(name, value);
                }

                released.Records.Add(releasedRecord);
            }

            reply.Subjects.Add(released);
        }

        return reply;
    }
}
