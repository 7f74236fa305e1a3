using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using GsoHitService.Coordinator.Store;

namespace GsoHitService.Coordinator.Tests.Store;

public abstract partial class CoordinatorStoreContractTests
{
    [Fact]
    public async Task StoredRows_ContainNoPersonalPlaintext()
    {
        var options = await NewDatabaseAsync();
        await using (var store = await OpenAsync(options))
        {
            await BuildScenarioAsync(store);
        }

        await using var raw = await OpenRawAsync(options);
        var everything = await ReadEveryValueAsync(raw);

        Assert.True(everything.Length > 1000, "The raw read found almost nothing, so the check below would prove nothing.");
        foreach (var value in StoreTestData.PersonalValues)
        {
            Assert.True(IndexOf(everything, Encoding.UTF8.GetBytes(value)) < 0, $"The database holds '{value}' in plaintext.");
        }
    }

    [Fact]
    public async Task StoredFiles_ContainNoPersonalPlaintext()
    {
        var options = await NewDatabaseAsync();
        await using (var store = await OpenAsync(options))
        {
            await BuildScenarioAsync(store);
        }

        var files = Backend.DatabaseFiles(options).ToArray();
        if (files.Length == 0)
        {
            Assert.Skip($"The {Backend.Provider} backend keeps no database files that the tests can read.");
        }

        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file, Token);
            foreach (var value in StoreTestData.PersonalValues)
            {
                Assert.True(IndexOf(content, Encoding.UTF8.GetBytes(value)) < 0, $"File {Path.GetFileName(file)} holds '{value}' in plaintext.");
            }
        }
    }

    [Fact]
    public async Task Logs_ContainNoPersonalPlaintext()
    {
        await using (var store = await OpenNewAsync())
        {
            await BuildScenarioAsync(store);
        }

        Assert.NotEmpty(Logs.Messages);
        foreach (var value in StoreTestData.PersonalValues)
        {
            Assert.DoesNotContain(Logs.Messages, message => message.Contains(value, StringComparison.Ordinal));
        }
    }

    public static TheoryData<string> SwappedColumns() =>
        ["identifier values of two subjects", "labels of two subjects", "title and description", "titles of two signals", "content of two records"];

    [Theory]
    [MemberData(nameof(SwappedColumns))]
    public async Task SwappedCiphertexts_FailToDecrypt(string swap)
    {
        var options = await NewDatabaseAsync();
        Scenario scenario;
        Domain.Signal other;
        await using (var store = await OpenAsync(options))
        {
            scenario = await BuildScenarioAsync(store);
            other = await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        }

        var person = scenario.Signal.Subjects[0].Id.Value;
        var organisation = scenario.Signal.Subjects[1].Id.Value;
        var signal = scenario.Signal.Id.Value;
        await using (var raw = await OpenRawAsync(options))
        {
            switch (swap)
            {
                case "identifier values of two subjects":
                    await SwapAsync(raw, "subject_identifiers", "canonical_value", "subject_id = @key AND position = 0", person, organisation);
                    break;
                case "labels of two subjects":
                    await SwapAsync(raw, "subjects", "label", "subject_id = @key", person, organisation);
                    break;
                case "title and description":
                    var row = await QueryRawAsync(raw, "SELECT title, description FROM signals WHERE signal_id = @key", ("@key", signal));
                    await ExecuteRawAsync(raw, "UPDATE signals SET title = @title, description = @description WHERE signal_id = @key", ("@title", row[0][1]!), ("@description", row[0][0]!), ("@key", signal));
                    break;
                case "titles of two signals":
                    await SwapAsync(raw, "signals", "title", "signal_id = @key", signal, other.Id.Value);
                    break;
                case "content of two records":
                    var release = scenario.Release.Id.Value;
                    await SwapAsync(raw, "content_records", "content", "release_id = @release AND position = @key", 0, 1, ("@release", release));
                    break;
            }
        }

        await using var reopened = await OpenAsync(options);
        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(async () =>
        {
            await reopened.GetSignalAsync(scenario.Signal.Id, Token);
            await reopened.GetContentReleaseAsync(scenario.Release.Id, Token);
        });

        Assert.Equal(StoreError.DecryptionFailed, exception.Error);
    }

    [Fact]
    public async Task Open_WithAnotherDataKeyFile_IsRejected()
    {
        var options = await NewDatabaseAsync();
        await using (var store = await OpenAsync(options))
        {
            await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        }

        options.DataKeyFile = Backend.Folder.Combine("other-keys", "coordinator-data.key");

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => OpenAsync(options));

        Assert.Equal(StoreError.DataKeyMismatch, exception.Error);
        Assert.Contains("does not contain", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ForgedKeyWithSameId_IsRejected()
    {
        var options = await NewDatabaseAsync();
        await using (var store = await OpenAsync(options))
        {
            await store.RegisterSignalAsync(StoreTestData.Signal(), Token);
        }

        var original = await File.ReadAllTextAsync(options.DataKeyFile!, Token);
        var keyStart = original.IndexOf("\"key\": \"", StringComparison.Ordinal) + "\"key\": \"".Length;
        var keyEnd = original.IndexOf('"', keyStart);
        var forged = original[..keyStart] + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + original[keyEnd..];
        await File.WriteAllTextAsync(options.DataKeyFile!, forged, Token);

        var exception = await Assert.ThrowsAsync<CoordinatorStoreException>(() => OpenAsync(options));

        Assert.Equal(StoreError.DataKeyMismatch, exception.Error);
        Assert.Contains("is not the key with that id", exception.Message, StringComparison.Ordinal);
    }

    private async Task<byte[]> ReadEveryValueAsync(DbConnection raw)
    {
        var tables = (await QueryRawAsync(raw, Backend.ListTablesSql)).Select(row => (string)row[0]!).ToArray();
        Assert.Contains("subject_identifiers", tables);

        using var everything = new MemoryStream();
        foreach (var table in tables)
        {
            foreach (var row in await QueryRawAsync(raw, $"SELECT * FROM {table}"))
            {
                foreach (var value in row)
                {
                    var bytes = value switch
                    {
                        null => [],
                        byte[] blob => blob,
                        string text => Encoding.UTF8.GetBytes(text),
                        _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                    };
                    everything.Write(bytes);
                    everything.WriteByte(0);
                }
            }
        }

        return everything.ToArray();
    }

    private static async Task SwapAsync<TKey>(
        DbConnection raw,
        string table,
        string column,
        string filter,
        TKey first,
        TKey second,
        params (string Name, object Value)[] extra)
        where TKey : notnull
    {
        var firstValue = (await QueryRawAsync(raw, $"SELECT {column} FROM {table} WHERE {filter}", [("@key", first), .. extra]))[0][0]!;
        var secondValue = (await QueryRawAsync(raw, $"SELECT {column} FROM {table} WHERE {filter}", [("@key", second), .. extra]))[0][0]!;

        Assert.Equal(1, await ExecuteRawAsync(raw, $"UPDATE {table} SET {column} = @value WHERE {filter}", [("@value", secondValue), ("@key", first), .. extra]));
        Assert.Equal(1, await ExecuteRawAsync(raw, $"UPDATE {table} SET {column} = @value WHERE {filter}", [("@value", firstValue), ("@key", second), .. extra]));
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
