using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alc.Engine.Server.Tests;

/// <summary>The real <c>alc-engine serve</c> as a child process (the build copied next to the tests), killable with SIGKILL.</summary>
internal sealed class EngineProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private EngineProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log => string.Join("\n", _log.TakeLast(40));

    /// <summary>Starts <c>alc-engine serve</c> on <paramref name="port"/> and waits until it is ready; <paramref name="arguments"/> go after serve's own.</summary>
    public static Task<EngineProcess> Start(string dataDirectory, int port, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "alc-engine.dll");
        var address = new Uri($"http://127.0.0.1:{port}");
        string[] command = ["dotnet", dll, "serve", "--data", dataDirectory, "--urls", address.ToString().TrimEnd('/'), .. arguments];
        return Start(command, AppContext.BaseDirectory, address, environment);
    }

    /// <summary>
    /// Starts <paramref name="command"/> (program, then arguments) in <paramref name="workingDirectory"/>, an engine that
    /// will answer at <paramref name="address"/>, and waits until it is ready (a published engine, as a Dockerfile runs it).
    /// </summary>
    public static async Task<EngineProcess> Start(IReadOnlyList<string> command, string workingDirectory, Uri address, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{command[0]} did not start.");
        var engine = new EngineProcess(process, address);
        process.OutputDataReceived += (_, e) => engine.Append(e.Data);
        process.ErrorDataReceived += (_, e) => engine.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await engine.WaitReady();
        return engine;
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }

    private async Task WaitReady()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"alc-engine exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Log}");
            try
            {
                if ((await client.GetAsync("/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"alc-engine did not become ready:\n{Log}");
    }
}
