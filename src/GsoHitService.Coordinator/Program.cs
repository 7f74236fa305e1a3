using GsoHitService.Coordinator;
using GsoHitService.Hosting;

// Everything runs inside the try, so that a configuration file that cannot be read, which fails
// before the host has a logger, also ends with exit code 1 and a line that names the problem.
try
{
    var builder = GsoServiceHost.CreateBuilder(args, CoordinatorHostExtensions.ServiceName);
    builder.AddCoordinator();

    await using var app = builder.Build();
    app.MapCoordinator();

    await app.RunAsync();
    return 0;
}
catch (Exception exception)
{
    // The host has logged a failure of its start already (Event Log, journal or console). This
    // line is for an operator who started the coordinator from a console. Under systemd it is the
    // journal's only record of a configuration that could not be read.
    // NOTE: A Windows service has no console, so there this line is lost, and a configuration
    // that cannot be read leaves no message from the service itself.
    Console.Error.WriteLine($"The coordinator stopped: {GsoServiceHost.DescribeFailure(exception)}");
    return 1;
}
