namespace GsoHitService.Coordinator.Domain;

/// <summary>Id of a <see cref="Signal"/>.</summary>
public readonly record struct SignalId(string Value)
{
    public string Value { get; } = EntityId.Check(Value, nameof(SignalId));

    public static SignalId New() => new(EntityId.NewValue());

    public override string ToString() => Value;
}

/// <summary>Id of a <see cref="Subject"/>, unique across signals.</summary>
public readonly record struct SubjectId(string Value)
{
    public string Value { get; } = EntityId.Check(Value, nameof(SubjectId));

    public static SubjectId New() => new(EntityId.NewValue());

    public override string ToString() => Value;
}

/// <summary>
/// Id of a <see cref="Decision"/>. The coordinator chooses it when it prepares the decision, so the
/// id is part of the payload that kerngroep members sign.
/// </summary>
public readonly record struct DecisionId(string Value)
{
    public string Value { get; } = EntityId.Check(Value, nameof(DecisionId));

    public static DecisionId New() => new(EntityId.NewValue());

    public override string ToString() => Value;
}

/// <summary>Id of a <see cref="HitQuery"/>.</summary>
public readonly record struct HitQueryId(string Value)
{
    public string Value { get; } = EntityId.Check(Value, nameof(HitQueryId));

    public static HitQueryId New() => new(EntityId.NewValue());

    public override string ToString() => Value;
}

/// <summary>Id of a <see cref="Case"/>.</summary>
public readonly record struct CaseId(string Value)
{
    public string Value { get; } = EntityId.Check(Value, nameof(CaseId));

    public static CaseId New() => new(EntityId.NewValue());

    public override string ToString() => Value;
}

/// <summary>Id of a <see cref="ContentRelease"/>.</summary>
public readonly record struct ContentReleaseId(string Value)
{
    public string Value { get; } = EntityId.Check(Value, nameof(ContentReleaseId));

    public static ContentReleaseId New() => new(EntityId.NewValue());

    public override string ToString() => Value;
}

/// <summary>Id of a <see cref="PrivacyCheck3Entry"/>.</summary>
public readonly record struct PrivacyCheck3EntryId(string Value)
{
    public string Value { get; } = EntityId.Check(Value, nameof(PrivacyCheck3EntryId));

    public static PrivacyCheck3EntryId New() => new(EntityId.NewValue());

    public override string ToString() => Value;
}

/// <summary>Creation and validation rules shared by every entity id.</summary>
internal static class EntityId
{
    /// <summary>Maximum length of an id in characters; ids from other systems must fit too.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// Creates a new id text: a version 7 UUID, so ids sort by creation time and keep database
    /// indexes compact.
    /// </summary>
    public static string NewValue() => Guid.CreateVersion7().ToString("D");

    /// <summary>
    /// Checks that an id is 1 to <see cref="MaxLength"/> characters of ASCII letters, digits,
    /// '-', '_', '.' or ':', so that ids are safe to log and to show.
    /// </summary>
    public static string Check(string value, string kind)
    {
        ArgumentNullException.ThrowIfNull(value, kind);

        if (value.Length is 0 or > MaxLength)
        {
            throw new ArgumentException(
                $"A {kind} must be 1 to {MaxLength} characters long, but this one has {value.Length}.",
                kind);
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
            {
                throw new ArgumentException(
                    $"A {kind} may contain only ASCII letters, digits, '-', '_', '.' and ':'.",
                    kind);
            }
        }

        return value;
    }
}
