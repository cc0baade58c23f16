using Alc.Engine.Cli;

return await EngineCommandLine.Build().Parse(args).InvokeAsync();
