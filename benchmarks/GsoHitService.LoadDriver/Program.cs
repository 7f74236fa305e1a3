using System.Globalization;
using GsoHitService.LoadDriver.Agent;
using GsoHitService.LoadDriver.Coordinator;

// Usage:
//   dotnet run -c Release --project benchmarks/GsoHitService.LoadDriver -- agent [persons] [audit-log-path]
//   dotnet run -c Release --project benchmarks/GsoHitService.LoadDriver -- agent-index [records] [loads]
//   dotnet run -c Release --project benchmarks/GsoHitService.LoadDriver -- coordinator [persons per agent]
if (args.Length >= 1 && args[0] == "agent")
{
    var persons = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    var auditLogPath = args.Length >= 3 ? args[2] : null;
    return await AgentLoadTest.RunAsync(new AgentLoadTestOptions(Persons: persons, AuditLogPath: auditLogPath));
}

if (args.Length >= 1 && args[0] == "agent-index")
{
    var records = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    var loads = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    return await IndexLoadTest.RunAsync(records, loads);
}

if (args.Length >= 1 && args[0] == "coordinator")
{
    var persons = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
    return await CoordinatorLoadTest.RunAsync(new CoordinatorLoadTestOptions(AgentPersons: persons));
}

Console.Error.WriteLine("Usage: GsoHitService.LoadDriver agent [persons] [audit-log-path] | agent-index [records] [loads] | coordinator [persons per agent]");
return 1;
