using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Coordinator.Queries;
using GsoHitService.Hosting;
using GsoHitService.Matching;
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

        var layout = new ResultLayout(query, signal, decision);
        result.TotalSubjectCount = layout.Rows.Count;

        // Only the page's answers are looked up: a bulk query has hundreds of thousands.
        var last = Math.Min(layout.Rows.Count, firstSubject + pageSize) - 1;
        var answers = firstSubject <= last ? layout.AnswersOf(firstSubject, last) : [];

        var size = 0;
        var next = firstSubject;
        while (next <= last)
        {
            var row = layout.BuildRow(next, answers);
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

        result.NextPageToken = next < layout.Rows.Count ? next.ToString(CultureInfo.InvariantCulture) : "";
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

    /// <summary>
    /// Which subjects the result lists and, per subject, which departments and identifier types:
    /// every subject in a requested department's scope with a type that the decision allows.
    /// </summary>
    private sealed class ResultLayout
    {
        private readonly HitQuery _query;
        private readonly Signal _signal;

        public ResultLayout(HitQuery query, Signal signal, Decision decision)
        {
            _query = query;
            _signal = signal;

            var allowedTypes = decision.IdentifierTypes.ToHashSet();
            var scopes = query.RequestedDepartments
                .Select(department => decision.Scopes.FirstOrDefault(scope => scope.Department == department)?.SubjectIds.ToHashSet() ?? [])
                .ToArray();

            for (var position = 0; position < signal.Subjects.Count; position++)
            {
                var subject = signal.Subjects[position];
                var types = subject.Identifiers.Select(identifier => identifier.Type).Where(allowedTypes.Contains).Distinct().Order().ToArray();
                var departments = Enumerable.Range(0, scopes.Length).Where(index => scopes[index].Contains(subject.Id)).ToArray();
                if (types.Length > 0 && departments.Length > 0)
                {
                    Rows.Add(new Row(position, departments, types));
                }
            }
        }

        /// <summary>The listed subjects in signal order; a page token is an index into this list.</summary>
        public List<Row> Rows { get; } = [];

        /// <summary>Collects the recorded answers of the rows <paramref name="first"/> to <paramref name="last"/>.</summary>
        public Dictionary<(SubjectId, string, IdentifierType), HitAnswer> AnswersOf(int first, int last)
        {
            var subjects = new HashSet<SubjectId>();
            for (var index = first; index <= last; index++)
            {
                subjects.Add(_signal.Subjects[Rows[index].Position].Id);
            }

            var answers = new Dictionary<(SubjectId, string, IdentifierType), HitAnswer>();
            foreach (var answer in _query.Answers)
            {
                if (subjects.Contains(answer.SubjectId))
                {
                    answers[(answer.SubjectId, answer.Department, answer.IdentifierType)] = answer.Answer;
                }
            }

            return answers;
        }

        public Proto.SubjectResult BuildRow(int index, Dictionary<(SubjectId, string, IdentifierType), HitAnswer> answers)
        {
            var row = Rows[index];
            var subject = _signal.Subjects[row.Position];
            var result = new Proto.SubjectResult { SubjectId = subject.Id.Value, Label = subject.Label };
            foreach (var departmentIndex in row.Departments)
            {
                var department = _query.RequestedDepartments[departmentIndex];
                var cell = new Proto.DepartmentSubjectResult { Department = department };
                foreach (var type in row.Types)
                {
                    var answer = answers.GetValueOrDefault((subject.Id, department, type), HitAnswer.Unavailable);
                    cell.Answers.Add(new Proto.TypeAnswer { IdentifierType = (Proto.IdentifierType)(int)type, Answer = (Proto.HitAnswer)(int)answer });
                }

                result.Departments.Add(cell);
            }

            return result;
        }

        /// <summary>A listed subject: its position in the signal, its departments (indexes into the requested ones) and types.</summary>
        public sealed record Row(int Position, int[] Departments, IdentifierType[] Types);
    }
}
