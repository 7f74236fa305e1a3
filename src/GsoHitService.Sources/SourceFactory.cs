using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal;
using GsoHitService.Sources.Internal.Brp;
using GsoHitService.Sources.Internal.Csv;
using GsoHitService.Sources.Internal.Json;
using GsoHitService.Sources.Internal.Mapping;
using GsoHitService.Sources.Internal.Records;
using GsoHitService.Sources.Internal.Sql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GsoHitService.Sources;

/// <summary>
/// Builds <see cref="IDepartmentSource"/> instances from configuration. Relative paths (export files,
/// connection string files, SQLite databases) resolve against the content root, never the working
/// directory, which for a Windows service is the system folder.
/// </summary>
public sealed class SourceFactory
{
    private readonly string _contentRoot;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _timeProvider;

    /// <param name="contentRoot">Absolute folder that relative paths resolve against, normally the agent's content root.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    /// <param name="timeProvider">Clock for date conditions such as <c>today</c>; the system clock when null.</param>
    public SourceFactory(string contentRoot, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        if (!Path.IsPathFullyQualified(contentRoot))
        {
            throw new ArgumentException("The content root must be an absolute path.", nameof(contentRoot));
        }

        _contentRoot = contentRoot;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates every configured source, after checking them together (unique names included).</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public IReadOnlyList<IDepartmentSource> CreateAll(DepartmentSourcesOptions options, string sectionPath = DepartmentSourcesOptions.DefaultSectionPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(SourceOptionsValidation.Validate(options.Sources, $"{sectionPath}:Sources"));
        return [.. options.Sources.Select(CreateValidated)];
    }

    /// <summary>Creates one source.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public IDepartmentSource Create(SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        SourceOptionsValidation.ValidateSource(options, $"Sources:{options.Name}", errors);
        ThrowIfInvalid(errors);
        return CreateValidated(options);
    }

    private IDepartmentSource CreateValidated(SourceOptions options)
    {
        var name = options.Name!.Trim();
        var kind = options.Kind!.Value;
        var isBrp = BrpPresets.IsBrp(kind);
        var mappings = (isBrp ? BrpPresets.For(kind) : options.Identifiers)
            .Select(mapping => MappingDefinition.Create(mapping, includeUsedName: !isBrp || options.Brp.IndexUsedName))
            .ToArray();
        var relevance = options.Relevance.Select(static condition => new ConditionDefinition(condition)).ToArray();
        var fieldMap = new ReleasableFieldMap(options.ReleasableFields.ToDictionary(
            static entry => entry.Key,
            static entry => (IReadOnlyList<string>)[.. entry.Value],
            StringComparer.Ordinal));

        var filePath = kind == SourceKind.Sql ? null : Path.GetFullPath(options.Path!, _contentRoot);
        return new DepartmentSource(
            name,
            kind,
            CreateReaderFactory(name, kind, filePath, options),
            new SourcePlan(relevance, mappings, fieldMap),
            filePath is null ? [] : [filePath],
            _loggerFactory.CreateLogger($"{typeof(SourceFactory).Namespace}.{name}"),
            _timeProvider);
    }

    private Func<IRecordReader> CreateReaderFactory(string name, SourceKind kind, string? filePath, SourceOptions options)
    {
        CsvEncodings.TryParse(options.Csv.Encoding, out var encoding);
        CsvDelimiters.TryParse(options.Csv.Delimiter, out var delimiter);
        var recordsPath = options.Json.RecordsPath;
        var sql = new SqlSourceOptions
        {
            Provider = options.Sql.Provider,
            ConnectionString = options.Sql.ConnectionString,
            ConnectionStringEnvironmentVariable = options.Sql.ConnectionStringEnvironmentVariable,
            ConnectionStringFile = options.Sql.ConnectionStringFile,
            Query = options.Sql.Query,
            CommandTimeoutSeconds = options.Sql.CommandTimeoutSeconds,
        };

        return kind switch
        {
            SourceKind.Csv => () => new CsvRecordReader(filePath!, name, encoding, delimiter),
            SourceKind.BrpGbaVCsv => () => new GbaVRecordReader(filePath!, name, encoding, delimiter),
            SourceKind.Json => () => new JsonRecordReader(filePath!, name, recordsPath),
            SourceKind.BrpHaalCentraal => () => new JsonRecordReader(filePath!, name, BrpPresets.HaalCentraalRecordsPath),
            SourceKind.BrpGbaJson => () => new JsonRecordReader(filePath!, name, recordsPath: null),
            SourceKind.Sql => () => new SqlRecordReader(sql, name, _contentRoot),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown source kind."),
        };
    }

    private static void ThrowIfInvalid(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }
    }
}
