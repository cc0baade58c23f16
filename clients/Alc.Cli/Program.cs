using Alc.Cli;

return await CliApp.Build().Parse(args).InvokeAsync();
