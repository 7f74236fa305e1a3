using System.Data.Common;
using GsoHitService.Matching;
using GsoHitService.Sources.Configuration;
using GsoHitService.Sources.Internal;
using GsoHitService.Sources.Internal.Mapping;
using GsoHitService.Sources.Internal.Records;
using GsoHitService.Sources.Internal.Sql;
using GsoHitService.Sources.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using static GsoHitService.Sources.Tests.Infrastructure.TestOptions;

namespace GsoHitService.Sources.Tests.Sql;

/// <summary>
/// SQL Server column handling at unit level: <c>CHAR(10)</c> padding and an <c>INT</c> BSN column,
/// read through a substituted <see cref="DbDataReader"/> that reports SQL Server's type names.
/// </summary>
/// <remarks>
/// NOTE: no SQL Server runs in this environment, so these tests stop at the data reader. The
/// query path of the SQL Server provider has not run against a real server.
/// </remarks>
public sealed class SqlServerColumnTests
{
    [Theory]
    [InlineData("char", true)]
    [InlineData("nchar", true)]
    [InlineData("CHAR(10)", true)]
    [InlineData("bpchar", true)]
    [InlineData("character(12)", true)]
    [InlineData("varchar", false)]
    [InlineData("nvarchar", false)]
    [InlineData("character varying(20)", false)]
    [InlineData("text", false)]
    [InlineData("int", false)]
    [InlineData("STRING", false)]
    public void IsFixedLengthText_TypeName_ReturnsWhetherValuesArePadded(string dataTypeName, bool expected) =>
        Assert.Equal(expected, SqlValues.IsFixedLengthText(dataTypeName));

    [Fact]
    public void ReadValues_CharColumn_TrimsPadding()
    {
        var values = SqlRecordReader.ReadValues(SqlServerRow("012345672 ", 12345672), [true, false]);

        Assert.Equal(new FieldValue("012345672", FieldValueKind.Text), values[0]);
    }

    [Fact]
    public void ReadValues_IntColumn_IsNumber()
    {
        var values = SqlRecordReader.ReadValues(SqlServerRow("012345672 ", 12345672), [true, false]);

        Assert.Equal(new FieldValue("12345672", FieldValueKind.Number), values[1]);
    }

    [Theory]
    [InlineData(12345672.0, "12345672")]
    [InlineData(1.23457e11, "123457000000")]
    [InlineData(0.5, "0.5")]
    public void Convert_Double_KeepsOnlyExactIntegersAsDigits(double value, string expected) =>
        Assert.Equal(expected, SqlValues.Convert(value, isFixedLengthText: false)!.Value.Text);

    [Fact]
    public void Convert_DecimalWithScale_DropsZeroFraction() =>
        Assert.Equal("12345672", SqlValues.Convert(12345672.00m, isFixedLengthText: false)!.Value.Text);

    [Fact]
    public void Convert_Blob_IsUnsupported() =>
        Assert.Equal(FieldValueKind.Unsupported, SqlValues.Convert(new byte[] { 1, 2 }, isFixedLengthText: false)!.Value.Kind);

    [Fact]
    public async Task Load_IntBsnColumn_FlagsColumn()
    {
        var source = SqlServerSource(Field("bsn", "bsn_char"), Field("bsn", "bsn_int"));

        var load = await SourceLoad.RunAsync(source);

        Assert.Equal(1, load.RejectedRows("bsn:NumericValue"));
        Assert.Equal("bsn:NumericValue", load.Report.FlaggedFields["bsn_int"]);
    }

    [Fact]
    public async Task Load_CharBsnColumn_MatchesQuerySide()
    {
        var load = await SourceLoad.RunAsync(SqlServerSource(Field("bsn", "bsn_char")));

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_IntBsnWithPadRule_MatchesQuerySide()
    {
        var bsn = Field("bsn", "bsn_int");
        bsn.RestoreLeadingZeros = true;

        var load = await SourceLoad.RunAsync(SqlServerSource(bsn));

        Assert.Equal([Ids.Bsn("012345672")], load.Records.Single().Identifiers);
    }

    [Fact]
    public async Task Load_UnreachableServer_FailsLoad()
    {
        // Port 1 on loopback has no listener, so the connection is refused at once.
        var options = new SourceOptions
        {
            Name = "test-sqlserver",
            Kind = SourceKind.Sql,
            Sql = new SqlSourceOptions
            {
                Provider = SqlProvider.SqlServer,
                ConnectionString = "Server=tcp:127.0.0.1,1;Connect Timeout=3;ConnectRetryCount=0;Encrypt=false;User ID=reader;Password=secret-4711",
                Query = "SELECT bsn FROM persons",
            },
            Identifiers = [Field("bsn", "bsn")],
        };

        var (exception, _, _) = await SourceLoad.RunFailingAsync(options);

        Assert.Contains("Connecting to the SqlServer database", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-4711", exception.Message, StringComparison.Ordinal);
    }

    private static DbDataReader SqlServerRow(string charValue, int intValue)
    {
        var reader = Substitute.For<DbDataReader>();
        reader.FieldCount.Returns(2);
        reader.GetName(0).Returns("bsn_char");
        reader.GetName(1).Returns("bsn_int");
        reader.GetDataTypeName(0).Returns("char");
        reader.GetDataTypeName(1).Returns("int");
        reader.IsDBNull(Arg.Any<int>()).Returns(false);
        reader.GetValue(0).Returns(charValue);
        reader.GetValue(1).Returns(intValue);
        return reader;
    }

    private static DepartmentSource SqlServerSource(params IdentifierMappingOptions[] mappings)
    {
        var row = SqlServerRow("012345672 ", 12345672);
        var fixedLength = new[] { SqlValues.IsFixedLengthText(row.GetDataTypeName(0)), SqlValues.IsFixedLengthText(row.GetDataTypeName(1)) };
        var plan = new SourcePlan([], [.. mappings.Select(mapping => MappingDefinition.Create(mapping, includeUsedName: true))], new ReleasableFieldMap(new Dictionary<string, IReadOnlyList<string>>()));
        return new DepartmentSource(
            "test-sqlserver",
            SourceKind.Sql,
            () => new SingleRowReader(["bsn_char", "bsn_int"], SqlRecordReader.ReadValues(row, fixedLength)),
            plan,
            [],
            NullLogger.Instance,
            TimeProvider.System);
    }

    /// <summary>Returns one converted row, as <see cref="SqlRecordReader"/> would after running the query.</summary>
    private sealed class SingleRowReader(string[] columns, FieldValue?[] values) : IRecordReader
    {
        private bool _read;

        public ValueTask OpenAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public FieldAccessor Resolve(string field) => new SqlColumnAccessor(field, Array.IndexOf(columns, field));

        public ValueTask<SourceRecord?> ReadAsync(CancellationToken cancellationToken)
        {
            SourceRecord? record = _read ? null : new SqlRecord(1, values);
            _read = true;
            return ValueTask.FromResult(record);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
