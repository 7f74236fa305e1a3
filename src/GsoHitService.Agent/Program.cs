using GsoHitService.Agent;
using GsoHitService.Hosting;

// Everything runs inside the try, so that a configuration file that cannot be read, which fails
// before the host has a logger, also ends with exit code 1 and a line that names the problem.
try
{
    var builder = GsoServiceHost.CreateBuilder(args, AgentHostExtensions.ServiceName);
    builder.AddAgent();

    await using var app = builder.Build();
    app.MapAgent();

    await app.RunAsync();
    return 0;
}
catch (Exception exception)
{
    // The host has logged a failure of its start already (Event Log, journal or console). This
    // line is for an operator who started the agent from a console. Under systemd it is the
    // journal's only record of a configuration that could not be read.
    // NOTE: A Windows service has no console, so there this line is lost, and a configuration
    // that cannot be read leaves no message from the service itself.
    Console.Error.WriteLine($"The agent stopped: {GsoServiceHost.DescribeFailure(exception)}");
    return 1;
}
