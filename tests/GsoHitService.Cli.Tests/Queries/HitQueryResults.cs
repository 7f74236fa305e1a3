using Google.Protobuf.WellKnownTypes;
using GsoHitService.Protocol.V1;

namespace GsoHitService.Cli.Tests.Queries;

/// <summary>Hit query results for matrix tests, built in the shape the coordinator sends.</summary>
internal static class HitQueryResults
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 14, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Two subjects at four departments: brp answered (a hit and a no hit), vergunningen answered
    /// (not held for A, a hit for B), belastingen did not answer but its answers say "no hit" (which
    /// must never show), and sociaal-domein answered with one unavailable type for A and was not
    /// asked about B.
    /// </summary>
    public static HitQueryResult Sample() => new()
    {
        QueryId = "query-3",
        SignalId = "sig-1",
        DecisionId = "pc1-2026-0001",
        StartedAt = Timestamp.FromDateTimeOffset(Now.AddMinutes(-2)),
        CompletedAt = Timestamp.FromDateTimeOffset(Now.AddMinutes(-2).AddSeconds(3)),
        CaseId = "casus-9",
        TotalSubjectCount = 2,
        Departments =
        {
            Answered("brp", Now.AddHours(-8)),
            Answered("vergunningen", Now.AddMinutes(-30)),
            new DepartmentQueryOutcome { Department = "belastingen", Outcome = DepartmentOutcome.Unavailable, Reason = "agent-unreachable: De agent van belastingen is niet bereikbaar." },
            Answered("sociaal-domein", Now.AddDays(-3)),
        },
        Subjects =
        {
            Subject("subject-1", "Betrokkene A",
                Department("brp", (IdentifierType.Bsn, HitAnswer.Hit), (IdentifierType.Address, HitAnswer.NoHit)),
                Department("vergunningen", (IdentifierType.Bsn, HitAnswer.NotHeld), (IdentifierType.Address, HitAnswer.NotHeld)),
                Department("belastingen", (IdentifierType.Bsn, HitAnswer.NoHit), (IdentifierType.Address, HitAnswer.NoHit)),
                Department("sociaal-domein", (IdentifierType.Bsn, HitAnswer.NoHit), (IdentifierType.Address, HitAnswer.Unavailable))),
            Subject("subject-2", "Betrokkene B",
                Department("brp", (IdentifierType.KvkNumber, HitAnswer.NoHit)),
                Department("vergunningen", (IdentifierType.KvkNumber, HitAnswer.Hit)),
                Department("belastingen", (IdentifierType.KvkNumber, HitAnswer.NoHit))),
        },
    };

    public static DepartmentQueryOutcome Answered(string department, DateTimeOffset indexLoadedAt) => new()
    {
        Department = department,
        Outcome = DepartmentOutcome.Answered,
        IndexLoadedAt = Timestamp.FromDateTimeOffset(indexLoadedAt),
    };

    public static SubjectResult Subject(string id, string label, params DepartmentSubjectResult[] departments) =>
        new() { SubjectId = id, Label = label, Departments = { departments } };

    public static DepartmentSubjectResult Department(string department, params (IdentifierType Type, HitAnswer Answer)[] answers) =>
        new() { Department = department, Answers = { answers.Select(answer => new TypeAnswer { IdentifierType = answer.Type, Answer = answer.Answer }) } };

    /// <summary>Reads the matrix cell of <paramref name="label"/> in column <paramref name="department"/> from rendered output.</summary>
    public static string Cell(string output, string label, string department, string subjectHeader = "Betrokkene")
    {
        var lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var header = lines.First(line => line.StartsWith(subjectHeader, StringComparison.Ordinal) && line.Contains(department, StringComparison.Ordinal));
        var row = lines.Skip(lines.IndexOf(header)).First(line => line.StartsWith(label + " ", StringComparison.Ordinal));
        var start = header.IndexOf(department, StringComparison.Ordinal);
        var next = header.IndexOf(' ', start + department.Length);
        while (next >= 0 && next < header.Length && header[next] == ' ')
        {
            next++;
        }

        var end = next < 0 || next >= header.Length ? row.Length : next;
        return row.Length <= start ? "" : row[start..Math.Min(end, row.Length)].Trim();
    }
}
