using Google.Protobuf.WellKnownTypes;
using GsoHitService.Cli.Queries;
using GsoHitService.Cli.Resources;
using GsoHitService.Demo.Data;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Demo;

/// <summary>The content that the case-team member received, and what privacy check 2 approved.</summary>
internal sealed record DemoRelease(
    string Department,
    string SubjectLabel,
    IReadOnlyList<string> ApprovedFields,
    Proto.ContentReleaseView Release,
    Proto.ReleasedContentView Content);

/// <summary>
/// The release half of the demo. Privacy check 2 approves fields of one department where the hit
/// subject has a hit, that department releases them, privacy check 3 lets the case-team member see
/// them, and the demo prints the content as that member reads it.
/// </summary>
internal static class DemoReleaseSteps
{
    /// <summary>The department whose content the demo releases: its one record of the subject keeps the output short.</summary>
    public const string Department = DemoDepartments.SocialDomain;

    /// <summary>
    /// The fields that privacy check 2 approves, out of the department's releasable fields; the client
    /// number stays withheld. They are in alphabetical order, the order in which the decision and the
    /// released content list them, so every step of the demo names them alike.
    /// </summary>
    public static IReadOnlyList<string> ApprovedFields { get; } = ["adres", "naam"];

    /// <exception cref="DemoFailedException">A call failed, or the content contains a field that was not approved.</exception>
    public static async Task<DemoRelease> RunAsync(
        DemoEnvironment environment, DemoScenario scenario, DemoQuery query, DemoProgress progress, CancellationToken cancellationToken)
    {
        if (query.Result.CaseId.Length == 0)
        {
            throw new DemoFailedException(ExitCodes.Failure, DemoStrings.NoCaseOpened);
        }

        var subject = scenario.Subjects.First(candidate => candidate.ExpectedAnswerOf(Department) == ExpectedAnswer.Hit);
        var subjectId = query.Signal.Subjects.Single(candidate => candidate.Label == subject.Label).SubjectId;

        var decision = await RecordPrivacyCheck2Async(environment, query.Result.CaseId, subject.Label, subjectId, progress, cancellationToken);
        var release = await DemoCalls.CallAsync(
            environment.Operator,
            (client, options) => client.RequestContentReleaseAsync(new Proto.RequestContentReleaseRequest { DecisionId = decision.DecisionId }, options),
            cancellationToken);
        progress.Step(DemoText.FormatCount(
            release.RecordCount, DemoStrings.StepContentReleasedSingular, DemoStrings.StepContentReleasedPlural, Department, release.RecordCount, release.ReleaseId));

        await RecordPrivacyCheck3Async(environment, query.Result.CaseId, progress, cancellationToken);

        var content = await DemoCalls.CallAsync(
            environment.Member,
            (client, options) => client.GetReleasedContentAsync(new Proto.GetReleasedContentRequest { CaseId = query.Result.CaseId, Member = DemoCertificates.CaseTeamMember }, options),
            cancellationToken);
        progress.Step(DemoText.Format(DemoStrings.StepContentShown, DemoCertificates.CaseTeamMember));
        progress.Block(output => ReleasedContentRenderer.Render(content, DemoCertificates.CaseTeamMember, output));

        CheckContent(content);
        return new DemoRelease(Department, subject.Label, ApprovedFields, release, content);
    }

    private static async Task<Proto.DecisionView> RecordPrivacyCheck2Async(
        DemoEnvironment environment, string caseId, string subjectLabel, string subjectId, DemoProgress progress, CancellationToken cancellationToken)
    {
        var request = new Proto.PreparePrivacyCheck2Request
        {
            CaseId = caseId,
            Department = Department,
            SubjectIds = { subjectId },
            Fields = { ApprovedFields },
            Recipients = { DemoCertificates.CaseTeamMember },
            Purpose = DemoStrings.PrivacyCheck2Purpose,
            LegalBasis = DemoStrings.PrivacyCheck2LegalBasis,
            ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        };

        var prepared = await DemoCalls.CallAsync(environment.Operator, (client, options) => client.PreparePrivacyCheck2Async(request, options), cancellationToken);
        progress.Step(DemoText.Format(DemoStrings.StepPrivacyCheck2Prepared, prepared.DecisionId, Department, subjectLabel, string.Join(", ", ApprovedFields)));
        return await DemoDecisionSigning.SignAndSubmitAsync(prepared, environment.Kerngroep.PrivacyCheck2Signers, environment, progress, cancellationToken);
    }

    private static async Task RecordPrivacyCheck3Async(DemoEnvironment environment, string caseId, DemoProgress progress, CancellationToken cancellationToken)
    {
        var request = new Proto.RecordPrivacyCheck3Request
        {
            CaseId = caseId,
            Member = DemoCertificates.CaseTeamMember,
            Fields = { ApprovedFields },
            DecidedBy = environment.Kerngroep.PrivacyOfficer.MemberId,
            Reason = DemoStrings.PrivacyCheck3Reason,
        };

        var recorded = await DemoCalls.CallAsync(environment.Operator, (client, options) => client.RecordPrivacyCheck3Async(request, options), cancellationToken);
        progress.Step(DemoText.Format(DemoStrings.StepPrivacyCheck3Recorded, recorded.Member, string.Join(", ", recorded.Fields)));
    }

    /// <summary>Fails the demo when nothing was released or a field outside privacy check 2 reached the member.</summary>
    private static void CheckContent(Proto.ReleasedContentView content)
    {
        if (content.Items.Count == 0)
        {
            throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.ContentEmpty, Department));
        }

        var extra = content.Items.SelectMany(item => item.Fields.Keys).Distinct(StringComparer.Ordinal).Except(ApprovedFields, StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new DemoFailedException(ExitCodes.Failure, DemoText.Format(DemoStrings.ContentNotApproved, string.Join(", ", extra)));
        }
    }
}
