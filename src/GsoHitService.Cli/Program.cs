using GsoHitService.Cli;

return await GsoCommandLine.Create().Parse(args).InvokeAsync();
