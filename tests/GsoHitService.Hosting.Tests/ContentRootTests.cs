using GsoHitService.TestSupport;

namespace GsoHitService.Hosting.Tests;

public sealed class ContentRootPathsTests
{
    private static readonly string ContentRoot = OperatingSystem.IsWindows() ? @"C:\Program Files\GSO Hit Service" : "/opt/gso-hit-service";

    [Theory]
    [InlineData("certs/agent.pem", "certs/agent.pem")]
    [InlineData("./appsettings.json", "appsettings.json")]
    [InlineData("data/../index/snapshot.bin", "index/snapshot.bin")]
    public void Resolve_RelativePath_IsUnderContentRoot(string configured, string expectedRelative)
    {
        var resolved = ContentRootPaths.Resolve(ContentRoot, configured);

        Assert.Equal(Path.GetFullPath(Path.Combine(ContentRoot, expectedRelative)), resolved);
    }

    [Fact]
    public void Resolve_AbsolutePath_IsUnchanged()
    {
        var absolute = OperatingSystem.IsWindows() ? @"D:\gso\certs\agent.pem" : "/etc/gso/certs/agent.pem";

        Assert.Equal(absolute, ContentRootPaths.Resolve(ContentRoot, absolute));
    }

    [Fact]
    public void Resolve_RelativeContentRoot_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => ContentRootPaths.Resolve("bin", "certs/agent.pem"));

        Assert.Contains("not an absolute path", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EmptyPath_Throws()
    {
        Assert.Throws<ArgumentException>(() => ContentRootPaths.Resolve(ContentRoot, " "));
    }
}

/// <summary>Tests that change the process's working directory, so they never run beside others.</summary>
[CollectionDefinition(nameof(WorkingDirectoryCollection), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;

[Collection(nameof(WorkingDirectoryCollection))]
public sealed class GsoServiceHostTests
{
    [Fact]
    public void CreateBuilder_WorkingDirectoryElsewhere_UsesExecutableFolder()
    {
        using var elsewhere = new TempDirectory();
        var original = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(elsewhere.Path);
        try
        {
            var builder = GsoServiceHost.CreateBuilder([], "GsoHitServiceTest");

            Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(builder.Environment.ContentRootPath));
            Assert.Equal(
                Path.Combine(AppContext.BaseDirectory, "certs", "agent.pem"),
                builder.Environment.ResolvePath("certs/agent.pem"));
        }
        finally
        {
            Directory.SetCurrentDirectory(original);
        }
    }
}
