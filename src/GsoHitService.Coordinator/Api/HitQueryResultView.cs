using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Hosting;
using GsoHitService.Protocol;
using Proto = GsoHitService.Protocol.V1;

namespace GsoHitService.Coordinator.Api;

/// <summary>
/// Shows a hit query as the API's <see cref="Proto.HitQueryResult"/>, one page of subjects at a
/// time. The matrix follows the decision: every subject in a requested department's scope, with
/// every identifier type it has that the decision allows. A cell without a recorded answer shows
/// unavailable, never "no hit".
/// </summary>
internal static class HitQueryResultView
{
    /// <summary>Largest size of the subjects of one page, in bytes: a margin below the message limit for the other fields.</summary>
    internal const int MaxSubjectBytes = GrpcLimits.MaxMessageBytes - (512 * 1024);

    public static Proto.HitQueryResult Build(HitQuery query, Signal signal, Decision decision, int firstSubject, int pageSize)
    {
        var result = new Proto.HitQueryResult
        {
            QueryId = query.Id.Value,
            SignalId = query.SignalId.Value,
            DecisionId = query.DecisionId.Value,
            StartedAt = Timestamp.FromDateTimeOffset(query.StartedAt),
            CaseId = query.CaseId?.Value ?? "",
            RepeatOfQueryId = query.RepeatOf?.Value ?? "",
        };

        if (query.State == HitQueryState.Completed && query.EndedAt is { } endedAt)
        {
            result.CompletedAt = Timestamp.FromDateTimeOffset(endedAt);
        }

        result.Departments.AddRange(query.RequestedDepartments.Select(department => ToProto(query, department)));

        var rows = BuildRows(query, signal, decision);
        result.TotalSubjectCount = rows.Count;

        var size = 0;
        var next = firstSubject;
        while (next < rows.Count && next - firstSubject < pageSize)
        {
            var row = rows[next];
            var rowSize = row.CalculateSize();

            // Always at least one subject per page, so that paging makes progress.
            if (next > firstSubject && size + rowSize > MaxSubjectBytes)
            {
                break;
            }

            result.Subjects.Add(row);
            size += rowSize;
            next++;
        }

        result.NextPageToken = next < rows.Count ? next.ToString(CultureInfo.InvariantCulture) : "";
        return result;
    }

    /// <summary>Reads a page token: the index of the first subject of the page, as text.</summary>
    public static bool TryParsePageToken(string token, out int firstSubject)
    {
        if (string.IsNullOrEmpty(token))
        {
            firstSubject = 0;
            return true;
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out firstSubject);
    }

    private static Proto.DepartmentQueryOutcome ToProto(HitQuery query, string department)
    {
        switch (query.State)
        {
            case HitQueryState.InProgress:
                return new Proto.DepartmentQueryOutcome
                {
                    Department = department,
                    Outcome = Proto.DepartmentOutcome.Unspecified,
                    Reason = OutcomeReason.Format(DepartmentOutcomeReasons.QueryInProgress),
                };
            case HitQueryState.Interrupted:
                return new Proto.DepartmentQueryOutcome
                {
                    Department = department,
                    Outcome = Proto.DepartmentOutcome.Cancelled,
                    Reason = OutcomeReason.Format(DepartmentOutcomeReasons.CoordinatorRestarted),
                };
        }

        var outcome = query.Departments.Single(outcome => outcome.Department == department);
        var view = new Proto.DepartmentQueryOutcome
        {
            Department = department,
            Outcome = (Proto.DepartmentOutcome)(int)outcome.Outcome,
            Reason = outcome.Reason ?? "",
        };

        if (outcome.IndexLoadedAt is { } loadedAt)
        {
            view.IndexLoadedAt = Timestamp.FromDateTimeOffset(loadedAt);
        }

        return view;
    }

    private static List<Proto.SubjectResult> BuildRows(HitQuery query, Signal signal, Decision decision)
    {
        var answers = query.Answers.ToDictionary(answer => (answer.SubjectId, answer.Department, answer.IdentifierType), answer => answer.Answer);
        var allowedTypes = decision.IdentifierTypes.ToHashSet();
        var scopes = query.RequestedDepartments
            .Select(department => (
                Department: department,
                Subjects: decision.Scopes.FirstOrDefault(scope => scope.Department == department)?.SubjectIds.ToHashSet() ?? []))
            .ToArray();

        var rows = new List<Proto.SubjectResult>();
        foreach (var subject in signal.Subjects)
        {
            var types = subject.Identifiers.Select(identifier => identifier.Type).Where(allowedTypes.Contains).Distinct().Order().ToArray();
            if (types.Length == 0)
            {
                continue;
            }

            var row = new Proto.SubjectResult { SubjectId = subject.Id.Value, Label = subject.Label };
            foreach (var (department, subjects) in scopes)
            {
                if (!subjects.Contains(subject.Id))
                {
                    continue;
                }

                var cell = new Proto.DepartmentSubjectResult { Department = department };
                foreach (var type in types)
                {
                    var answer = answers.GetValueOrDefault((subject.Id, department, type), HitAnswer.Unavailable);
                    cell.Answers.Add(new Proto.TypeAnswer { IdentifierType = (Proto.IdentifierType)(int)type, Answer = (Proto.HitAnswer)(int)answer });
                }

                row.Departments.Add(cell);
            }

            if (row.Departments.Count > 0)
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
