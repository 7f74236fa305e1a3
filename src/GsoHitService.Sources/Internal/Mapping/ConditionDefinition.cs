using System.Collections.Frozen;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal.Records;

namespace GsoHitService.Sources.Internal.Mapping;

/// <summary>Outcome of a condition on one record.</summary>
internal enum ConditionOutcome
{
    Pass,
    Fail,

    /// <summary>A date test met a value that is not a date in the declared formats.</summary>
    InvalidDate,
}

/// <summary>A validated field condition, independent of any reader.</summary>
internal sealed class ConditionDefinition
{
    public ConditionDefinition(FieldConditionOptions options)
    {
        Field = options.Field!;
        Operator = options.Operator!.Value;
        Value = options.Value?.Trim();
        Values = options.Values.Select(static value => value.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        EmptyMatches = options.EmptyMatches;
        if (IsDateTest(Operator))
        {
            Date = RelativeDate.TryParse(options.Value, out var date)
                ? date
                : throw new ArgumentException("The condition's date is invalid.", nameof(options));
            DateParser = new DateValueParser(options.DateFormats);
        }
    }

    public string Field { get; }

    public ConditionOperator Operator { get; }

    public string? Value { get; }

    public FrozenSet<string> Values { get; }

    public RelativeDate Date { get; }

    public DateValueParser? DateParser { get; }

    public bool EmptyMatches { get; }

    public static bool IsDateTest(ConditionOperator op) => op is ConditionOperator.OnOrAfter or ConditionOperator.Before;

    public CompiledCondition Compile(IRecordReader reader, DateOnly today) => new(this, reader.Resolve(Field), Date.Resolve(today));
}

/// <summary>A condition resolved against one reader, with today's date fixed for the load.</summary>
internal sealed class CompiledCondition(ConditionDefinition definition, FieldAccessor accessor, DateOnly referenceDate)
{
    public FieldAccessor Accessor { get; } = accessor;

    public ConditionOutcome Evaluate(SourceRecord record, List<FieldValue> scratch)
    {
        scratch.Clear();
        Accessor.AddValues(record, scratch);
        return definition.Operator switch
        {
            ConditionOperator.Equal => Outcome(AnyEqual(scratch)),
            ConditionOperator.NotEqual => Outcome(!AnyEqual(scratch)),
            ConditionOperator.In => Outcome(AnyIn(scratch)),
            ConditionOperator.NotIn => Outcome(!AnyIn(scratch)),
            ConditionOperator.NotEmpty => Outcome(scratch.Count > 0),
            ConditionOperator.Empty => Outcome(scratch.Count == 0),
            _ => EvaluateDate(scratch),
        };
    }

    private bool AnyEqual(List<FieldValue> values)
    {
        foreach (var value in values)
        {
            if (string.Equals(value.Text.Trim(), definition.Value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyIn(List<FieldValue> values)
    {
        foreach (var value in values)
        {
            if (definition.Values.Contains(value.Text.Trim()))
            {
                return true;
            }
        }

        return false;
    }

    private ConditionOutcome EvaluateDate(List<FieldValue> values)
    {
        if (values.Count == 0)
        {
            return Outcome(definition.EmptyMatches);
        }

        var passes = false;
        foreach (var value in values)
        {
            if (value.Kind == FieldValueKind.Unsupported || !definition.DateParser!.TryParse(value.Text, out var date))
            {
                return ConditionOutcome.InvalidDate;
            }

            passes |= definition.Operator == ConditionOperator.OnOrAfter ? date >= referenceDate : date < referenceDate;
        }

        return Outcome(passes);
    }

    private static ConditionOutcome Outcome(bool passes) => passes ? ConditionOutcome.Pass : ConditionOutcome.Fail;
}
