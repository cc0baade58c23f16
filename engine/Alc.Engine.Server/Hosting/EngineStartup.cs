using Alc.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Hosting;

/// <summary>Start-up work before the job runner and the first request: migrate the database, clear scratch, seed the demo.</summary>
internal sealed partial class EngineStartup(EngineDatabase database, EnginePaths paths, IOptions<EngineOptions> options, DemoSeeder demo,
    EngineReadiness readiness, ILogger<EngineStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        int version = database.Migrate();
        paths.ClearTemporary();
        LogStarted(logger, paths.Root, version);
        if (options.Value.Demo)
        {
            demo.Seed();
        }

        readiness.MarkReady();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Alc.Engine data in {Root}, schema version {Version}")]
    private static partial void LogStarted(ILogger logger, string root, int version);
}
