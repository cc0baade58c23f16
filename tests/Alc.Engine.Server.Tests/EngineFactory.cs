using Alc.Engine;
using Alc.Engine.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alc.Engine.Server.Tests;

/// <summary>The real engine host (all services, the real SQLite file and blob store in <see cref="DataDirectory"/>) behind an in-memory test server.</summary>
internal sealed class EngineFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : WebApplicationFactory<EngineAssembly>
{
    public string DataDirectory { get; } = dataDirectory;

    protected override IHostBuilder CreateHostBuilder()
    {
        var all = new Dictionary<string, string?> { ["DataDirectory"] = DataDirectory };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return EngineHost.CreateHostBuilder([], all);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        if (clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
