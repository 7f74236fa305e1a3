using GsoHitService.Coordinator;
using GsoHitService.Hosting;

var builder = GsoServiceHost.CreateBuilder(args, CoordinatorHostExtensions.ServiceName);
builder.AddCoordinator();

await using var app = builder.Build();
app.MapCoordinator();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception exception)
{
    // The host has logged the failure already (Event Log, journal or console). This line is for
    // an operator who started the coordinator from a console.
    Console.Error.WriteLine($"The coordinator stopped: {exception.Message}");
    return 1;
}
