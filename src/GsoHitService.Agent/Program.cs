using GsoHitService.Agent;
using GsoHitService.Hosting;

var builder = GsoServiceHost.CreateBuilder(args, AgentHostExtensions.ServiceName);
builder.AddAgent();

await using var app = builder.Build();
app.MapAgent();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception exception)
{
    // The host has logged the failure already (Event Log, journal or console). This line is for
    // an operator who started the agent from a console.
    Console.Error.WriteLine($"The agent stopped: {exception.Message}");
    return 1;
}
