using GsoHitService.Cli;
using GsoHitService.Cli.Help;

return await GsoCommandLine.Create().Parse(args).InvokeLocalizedAsync();
