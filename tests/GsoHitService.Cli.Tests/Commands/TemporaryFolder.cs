namespace GsoHitService.Cli.Tests.Commands;

/// <summary>A new empty folder under the system temp folder, deleted with its contents on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gso-cli-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
