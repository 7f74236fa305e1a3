using System.Buffers.Binary;
using System.Text;
using GsoHitService.Coordinator.Domain;
using GsoHitService.Decisions;
using GsoHitService.Matching;

namespace GsoHitService.Coordinator.Queries;

/// <summary>
/// What a privacy check 1 decision lets the coordinator ask, worked out once when the decision is
/// prepared: per department the subjects (by position in the signal) and per subject its match
/// tokens of the allowed types. The store keeps it encrypted with the prepared decision, so that a
/// hit query needs neither the decision's subject rows nor the signal's identifiers, which for a
/// bulk signal take seconds to read and decrypt.
/// </summary>
/// <remarks>
/// Format version 1, integers little-endian: the ASCII label <c>GSO-QUERY-PLAN</c>, version byte 1,
/// the signal's subject count (uint32); the scopes (uint16 count, each a uint32 count and ascending
/// uint32 positions); the departments (uint16 count, each a uint16 UTF-8 length, the code and the
/// uint16 index of its scope); the tokens (uint32 count, each a uint32 position, the identifier type
/// byte and 32 token bytes, ascending by position and type).
/// </remarks>
internal sealed class PreparedQueryPlan
{
    private const byte FormatVersion = 1;
    private static readonly byte[] Label = "GSO-QUERY-PLAN"u8.ToArray();

    private readonly Dictionary<string, int> _scopeOfDepartment;
    private readonly SubjectToken[][] _tokensByPosition;

    private PreparedQueryPlan(int subjectCount, int[][] scopes, IReadOnlyList<(string Department, int Scope)> departments, SubjectToken[][] tokensByPosition)
    {
        SubjectCount = subjectCount;
        Scopes = scopes;
        Departments = departments;
        _tokensByPosition = tokensByPosition;
        _scopeOfDepartment = departments.ToDictionary(entry => entry.Department, entry => entry.Scope, StringComparer.Ordinal);
    }

    /// <summary>Number of subjects the signal had when the plan was made.</summary>
    public int SubjectCount { get; }

    /// <summary>Distinct subject sets, each as ascending positions in the signal.</summary>
    public IReadOnlyList<int[]> Scopes { get; }

    /// <summary>The decision's departments, each with the index of its subject set.</summary>
    public IReadOnlyList<(string Department, int Scope)> Departments { get; }

    /// <summary>Makes the plan from the subjects' tokens and the decision's scopes; equal subject sets are kept once.</summary>
    /// <exception cref="ArgumentException">A scope names a subject that is not the signal's.</exception>
    public static PreparedQueryPlan Create(SubjectTokens tokens, IEnumerable<DecisionScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(scopes);

        var sets = new List<int[]>();
        var departments = new List<(string, int)>();
        foreach (var scope in scopes)
        {
            var positions = scope.SubjectIds
                .Select(subjectId => tokens.IndexOf(subjectId) is var index and >= 0
                    ? index
                    : throw new ArgumentException($"Subject {subjectId} of department {scope.Department} is not a subject of signal {tokens.Signal.Id}.", nameof(scopes)))
                .Distinct()
                .Order()
                .ToArray();

            var same = sets.FindIndex(set => set.AsSpan().SequenceEqual(positions));
            if (same < 0)
            {
                same = sets.Count;
                sets.Add(positions);
            }

            departments.Add((scope.Department, same));
        }

        var count = tokens.Signal.Subjects.Count;
        var byPosition = new SubjectToken[count][];
        for (var position = 0; position < count; position++)
        {
            byPosition[position] = [.. tokens.For(position).OrderBy(token => token.Type)];
        }

        return new PreparedQueryPlan(count, [.. sets], departments, byPosition);
    }

    /// <summary>The subject positions that <paramref name="department"/> covers, or null when the plan does not name it.</summary>
    public int[]? ScopeOf(string department) => _scopeOfDepartment.TryGetValue(department, out var scope) ? Scopes[scope] : null;

    /// <summary>The tokens of the subject at <paramref name="position"/>, by identifier type.</summary>
    public IReadOnlyList<SubjectToken> TokensOf(int position) => _tokensByPosition[position];

    /// <summary>
    /// Builds what each of <paramref name="departments"/> is asked. Departments with the same subject
    /// set share one probe set and its digest.
    /// </summary>
    /// <param name="departments">Departments that the plan names.</param>
    /// <param name="subjects">The signal's subject ids by position.</param>
    /// <exception cref="ArgumentException">A department is not in the plan, or the signal has another number of subjects.</exception>
    public IReadOnlyList<DepartmentProbeSet> CreateProbeSets(IEnumerable<string> departments, IReadOnlyList<SubjectId> subjects)
    {
        if (subjects.Count != SubjectCount)
        {
            throw new ArgumentException($"The plan was made for {SubjectCount} subjects, but the signal has {subjects.Count}.", nameof(subjects));
        }

        var built = new Dictionary<int, DepartmentProbeSet>();
        var probeSets = new List<DepartmentProbeSet>();
        foreach (var department in departments)
        {
            if (!_scopeOfDepartment.TryGetValue(department, out var scope))
            {
                throw new ArgumentException($"The plan does not name department {department}.", nameof(departments));
            }

            if (built.TryGetValue(scope, out var shared))
            {
                probeSets.Add(shared.ForDepartment(department));
                continue;
            }

            var probes = DepartmentProbeSet.Create(department, subjects, Scopes[scope], TokensOf);
            built[scope] = probes;
            probeSets.Add(probes);
        }

        return probeSets;
    }

    public byte[] Serialize()
    {
        var tokenCount = _tokensByPosition.Sum(tokens => tokens.Length);
        var length = Label.Length + 1 + 4
            + 2 + Scopes.Sum(scope => 4 + (scope.Length * 4))
            + 2 + Departments.Sum(entry => 2 + Encoding.UTF8.GetByteCount(entry.Department) + 2)
            + 4 + (tokenCount * (4 + 1 + MatchToken.Length));
        var buffer = new byte[length];
        var writer = new Writer(buffer);

        writer.Bytes(Label);
        writer.Byte(FormatVersion);
        writer.UInt32(SubjectCount);

        writer.UInt16(Scopes.Count);
        foreach (var scope in Scopes)
        {
            writer.UInt32(scope.Length);
            foreach (var position in scope)
            {
                writer.UInt32(position);
            }
        }

        writer.UInt16(Departments.Count);
        foreach (var (department, scope) in Departments)
        {
            var name = Encoding.UTF8.GetBytes(department);
            writer.UInt16(name.Length);
            writer.Bytes(name);
            writer.UInt16(scope);
        }

        writer.UInt32(tokenCount);
        for (var position = 0; position < _tokensByPosition.Length; position++)
        {
            foreach (var token in _tokensByPosition[position])
            {
                writer.UInt32(position);
                writer.Byte((byte)token.Type);
                token.Token.CopyTo(writer.Take(MatchToken.Length));
            }
        }

        return buffer;
    }

    /// <exception cref="FormatException">The bytes are not a plan of format version 1.</exception>
    public static PreparedQueryPlan Deserialize(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        if (!reader.Take(Label.Length).SequenceEqual(Label) || reader.Byte() != FormatVersion)
        {
            throw new FormatException("The bytes are not a query plan of format version 1.");
        }

        var subjectCount = reader.UInt32();
        var scopes = new int[reader.UInt16()][];
        for (var i = 0; i < scopes.Length; i++)
        {
            scopes[i] = new int[reader.UInt32()];
            for (var j = 0; j < scopes[i].Length; j++)
            {
                scopes[i][j] = reader.Position(subjectCount);
            }
        }

        var departments = new (string, int)[reader.UInt16()];
        for (var i = 0; i < departments.Length; i++)
        {
            var name = Encoding.UTF8.GetString(reader.Take(reader.UInt16()));
            var scope = reader.UInt16();
            if (scope >= scopes.Length)
            {
                throw new FormatException($"Department {name} refers to subject set {scope}, which the plan does not have.");
            }

            departments[i] = (name, scope);
        }

        var lists = new List<SubjectToken>[subjectCount];
        var tokenCount = reader.UInt32();
        for (var i = 0; i < tokenCount; i++)
        {
            var position = reader.Position(subjectCount);
            var type = (IdentifierType)reader.Byte();
            var token = new MatchToken(reader.Take(MatchToken.Length));
            (lists[position] ??= []).Add(new SubjectToken(type, token));
        }

        if (!reader.AtEnd)
        {
            throw new FormatException("The query plan has bytes after its last token.");
        }

        return new PreparedQueryPlan(subjectCount, scopes, departments, [.. lists.Select(list => list?.ToArray() ?? [])]);
    }

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _offset;

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer[_offset..]);
            _offset += bytes.Length;
        }

        public void Byte(byte value) => _buffer[_offset++] = value;

        public void UInt16(int value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer[_offset..], checked((ushort)value));
            _offset += 2;
        }

        public void UInt32(int value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer[_offset..], checked((uint)value));
            _offset += 4;
        }

        public Span<byte> Take(int length)
        {
            var span = _buffer.Slice(_offset, length);
            _offset += length;
            return span;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _offset;

        public readonly bool AtEnd => _offset == _bytes.Length;

        public ReadOnlySpan<byte> Take(int length)
        {
            if (length < 0 || _bytes.Length - _offset < length)
            {
                throw new FormatException("The query plan is truncated.");
            }

            var span = _bytes.Slice(_offset, length);
            _offset += length;
            return span;
        }

        public byte Byte() => Take(1)[0];

        public int UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public int UInt32()
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
            return value <= int.MaxValue ? (int)value : throw new FormatException("The query plan has a count beyond the supported range.");
        }

        public int Position(int subjectCount)
        {
            var position = UInt32();
            return position < subjectCount ? position : throw new FormatException($"The query plan names subject position {position} of {subjectCount}.");
        }
    }
}
