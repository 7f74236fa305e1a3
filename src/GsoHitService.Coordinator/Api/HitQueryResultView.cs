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
/// time. The matrix follows the query plan of its decision: every subject in a requested
/// department's scope, with every identifier type it was asked about. A cell without a recorded
/// answer shows unavailable, never "no hit".
/// </summary>
internal static class HitQueryResultView
{
    /// <summary>Largest size of the subjects of one page, in bytes: a margin below the message limit for the other fields.</summary>
    internal const int MaxSubjectBytes = GrpcLimits.MaxMessageBytes - (512 * 1024);

    /// <summary>Reads the labels of the subjects at positions first to last, decrypted.</summary>
    public delegate Task<IReadOnlyList<SubjectLabel>> LabelReader(int first, int last, CancellationToken cancellationToken);

    /// <param name="query">The query as recorded.</param>
    /// <param name="plan">The query plan of the query's decision.</param>
    /// <param name="subjects">The signal's subject ids by position.</param>
    /// <param name="readLabels">Reads labels; only the page's are read, because each one is decrypted.</param>
    /// <param name="firstSubject">Index of the page's first subject among the listed subjects.</param>
    /// <param name="pageSize">Largest number of subjects on the page.</param>
    /// <param name="cancellationToken">Cancels reading the labels.</param>
    public static async Task<Proto.HitQueryResult> BuildAsync(
        HitQuery query,
        PreparedQueryPlan plan,
        IReadOnlyList<SubjectId> subjects,
        LabelReader readLabels,
        int firstSubject,
        int pageSize,
        CancellationToken cancellationToken)
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

        var layout = new ResultLayout(query, plan, subjects);
        result.TotalSubjectCount = layout.Rows.Count;

        // Only the page's answers and labels are looked up: a bulk query has hundreds of thousands.
        var last = Math.Min(layout.Rows.Count, firstSubject + pageSize) - 1;
        if (firstSubject <= last)
        {
            var labels = (await readLabels(layout.Rows[firstSubject].Position, layout.Rows[last].Position, cancellationToken))
                .ToDictionary(label => label.Position, label => label.Label);
            var answers = layout.AnswersOf(firstSubject, last);

            var size = 0;
            for (var index = firstSubject; index <= last; index++)
            {
                var row = layout.BuildRow(index, answers, labels);
                var rowSize = row.CalculateSize();

                // Always at least one subject per page, so that paging makes progress.
                if (index > firstSubject && size + rowSize > MaxSubjectBytes)
                {
                    break;
                }

                result.Subjects.Add(row);
                size += rowSize;
            }
        }

        var next = firstSubject + result.Subjects.Count;
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
    /// every subject in a requested department's scope that has tokens in the plan.
    /// </summary>
    private sealed class ResultLayout
    {
        private readonly HitQuery _query;
        private readonly IReadOnlyList<SubjectId> _subjects;

        public ResultLayout(HitQuery query, PreparedQueryPlan plan, IReadOnlyList<SubjectId> subjects)
        {
            _query = query;
            _subjects = subjects;

            var scopes = query.RequestedDepartments
                .Select(department =>
                {
                    var covered = new bool[subjects.Count];
                    foreach (var position in plan.ScopeOf(department) ?? [])
                    {
                        covered[position] = true;
                    }

                    return covered;
                })
                .ToArray();

            for (var position = 0; position < subjects.Count; position++)
            {
                var tokens = plan.TokensOf(position);
                if (tokens.Count == 0)
                {
                    continue;
                }

                var departments = Enumerable.Range(0, scopes.Length).Where(index => scopes[index][position]).ToArray();
                if (departments.Length > 0)
                {
                    Rows.Add(new Row(position, departments, [.. tokens.Select(token => token.Type).Distinct().Order()]));
                }
            }
        }

        /// <summary>The listed subjects in signal order; a page token is an index into this list.</summary>
        public List<Row> Rows { get; } = [];

        /// <summary>Collects the recorded answers of the rows <paramref name="first"/> to <paramref name="last"/>.</summary>
        public Dictionary<(SubjectId, string, IdentifierType), HitAnswer> AnswersOf(int first, int last)
        {
            var page = new HashSet<SubjectId>();
            for (var index = first; index <= last; index++)
            {
                page.Add(_subjects[Rows[index].Position]);
            }

            var answers = new Dictionary<(SubjectId, string, IdentifierType), HitAnswer>();
            foreach (var answer in _query.Answers)
            {
                if (page.Contains(answer.SubjectId))
                {
                    answers[(answer.SubjectId, answer.Department, answer.IdentifierType)] = answer.Answer;
                }
            }

            return answers;
        }

        public Proto.SubjectResult BuildRow(int index, Dictionary<(SubjectId, string, IdentifierType), HitAnswer> answers, Dictionary<int, string> labels)
        {
            var row = Rows[index];
            var subjectId = _subjects[row.Position];
            var result = new Proto.SubjectResult { SubjectId = subjectId.Value, Label = labels.GetValueOrDefault(row.Position, "") };
            foreach (var departmentIndex in row.Departments)
            {
                var department = _query.RequestedDepartments[departmentIndex];
                var cell = new Proto.DepartmentSubjectResult { Department = department };
                foreach (var type in row.Types)
                {
                    var answer = answers.GetValueOrDefault((subjectId, department, type), HitAnswer.Unavailable);
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
