using System.Text.Json;

namespace GsoHitService.Hosting.Tests;

public sealed class DescribeFailureTests
{
    [Fact]
    public void DescribeFailure_NoInnerException_IsMessage()
    {
        var description = GsoServiceHost.DescribeFailure(new InvalidOperationException("Server:Endpoints is empty."));

        Assert.Equal("Server:Endpoints is empty.", description);
    }

    [Fact]
    public void DescribeFailure_NestedExceptions_AppendsEachInnerMessage()
    {
        var parse = new JsonException("Expected depth to be zero. LineNumber: 3 | BytePositionInLine: 1.");
        var format = new FormatException("Could not parse the JSON file.", parse);
        var load = new InvalidDataException("Failed to load configuration from file '/opt/gso-agent/appsettings.json'.", format);

        var description = GsoServiceHost.DescribeFailure(load);

        Assert.Equal(
            "Failed to load configuration from file '/opt/gso-agent/appsettings.json'. Could not parse the JSON file. Expected depth to be zero. LineNumber: 3 | BytePositionInLine: 1.",
            description);
    }

    [Fact]
    public void DescribeFailure_InnerMessageAlreadyIncluded_IsNotRepeated()
    {
        var inner = new IOException("Connection refused");
        var outer = new InvalidOperationException("The handshake failed: Connection refused.", inner);

        var description = GsoServiceHost.DescribeFailure(outer);

        Assert.Equal("The handshake failed: Connection refused.", description);
    }
}
