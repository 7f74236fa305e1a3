using GsoHitService.LoadDriver.Agent;

// Usage: dotnet run -c Release --project benchmarks/GsoHitService.LoadDriver -- agent [persons]
if (args.Length >= 1 && args[0] == "agent")
{
    var persons = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    return await AgentLoadTest.RunAsync(new AgentLoadTestOptions(Persons: persons));
}

Console.Error.WriteLine("Usage: GsoHitService.LoadDriver agent [persons]");
return 1;
