using System.Globalization;
using GsoHitService.LoadDriver.Agent;
using GsoHitService.LoadDriver.Coordinator;

// Usage: dotnet run -c Release --project benchmarks/GsoHitService.LoadDriver -- agent [persons]
//        dotnet run -c Release --project benchmarks/GsoHitService.LoadDriver -- coordinator [persons per agent]
if (args.Length >= 1 && args[0] == "agent")
{
    var persons = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    return await AgentLoadTest.RunAsync(new AgentLoadTestOptions(Persons: persons));
}

if (args.Length >= 1 && args[0] == "coordinator")
{
    var persons = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
    return await CoordinatorLoadTest.RunAsync(new CoordinatorLoadTestOptions(AgentPersons: persons));
}

Console.Error.WriteLine("Usage: GsoHitService.LoadDriver agent [persons] | coordinator [persons per agent]");
return 1;
