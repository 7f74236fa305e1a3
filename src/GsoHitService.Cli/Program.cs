using System.CommandLine;
using GsoHitService.Cli;
using GsoHitService.Cli.Help;

UserCulture.ApplyDefault();

// After Ctrl+C cancels a command's token, the command gets this long to finish. gso demo needs the
// time to stop its hosts and delete its folder, which the default of 2 seconds can cut short.
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };

return await GsoCommandLine.Create().Parse(args).InvokeLocalizedAsync(configuration);
