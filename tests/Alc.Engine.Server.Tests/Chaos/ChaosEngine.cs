namespace Alc.Engine.Server.Tests.Chaos;

/// <summary>
/// The real <c>alc-engine serve</c> on one port and data directory, SIGKILLed and restarted on demand. Each kill starts a
/// new generation; a client request that fails tells from the generation whether a kill caused it (then it waits for
/// the restart and retries, as a real client would) or not (then the failure is real and rethrown).
/// </summary>
internal sealed class ChaosEngine : IDisposable
{
    private readonly string _data;
    private readonly int _port;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private EngineProcess _engine;
    private TaskCompletionSource<int> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _generation;

    private ChaosEngine(string data, int port, IReadOnlyDictionary<string, string> environment, EngineProcess engine)
    {
        _data = data;
        _port = port;
        _environment = environment;
        _engine = engine;
        _up.SetResult(0);
    }

    /// <summary>Kills so far (the current process's generation).</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>How long each restart took, from the SIGKILL until the new process was ready.</summary>
    public List<TimeSpan> Restarts { get; } = [];

    /// <summary>The last lines the current process printed.</summary>
    public string Log => _engine.Log;

    public static async Task<ChaosEngine> Start(string data, IReadOnlyDictionary<string, string> environment)
    {
        int port = EngineProcess.FreePort();
        return new ChaosEngine(data, port, environment, await EngineProcess.Start(data, port, environment));
    }

    /// <summary>A client of the engine; the port stays the same across restarts, so it serves every generation.</summary>
    public HttpClient Client() => _engine.Client();

    /// <summary>Waits until the engine is up; returns its generation (pass it to <see cref="KilledSince"/> when a request fails).</summary>
    public Task<int> Up() => Volatile.Read(ref _up).Task;

    /// <summary>Whether the engine was killed since generation <paramref name="generation"/>, i.e. whether that is why a request failed.</summary>
    public bool KilledSince(int generation) => Generation != generation;

    /// <summary>
    /// Runs <paramref name="request"/> (which must read its response in full) until it completes without the engine
    /// dying under it; <paramref name="lost"/> is told the generation each time a kill cut it off. A failure without a kill is rethrown.
    /// </summary>
    public async Task<T> Survive<T>(Func<Task<T>> request, Func<int, Task>? lost = null)
    {
        while (true)
        {
            int generation = await Up();
            try
            {
                return await request();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && KilledSince(generation))
            {
                if (lost is not null)
                {
                    await lost(generation);
                }
            }
        }
    }

    /// <summary>SIGKILL, then a new process on the same data directory; returns when it is ready.</summary>
    public async Task KillAndRestart()
    {
        var up = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The new signal first, then the generation: a request that fails after seeing the new generation waits on the new signal.
        Volatile.Write(ref _up, up);
        int generation = Interlocked.Increment(ref _generation);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _engine.Dispose();
        _engine = await EngineProcess.Start(_data, _port, _environment);
        Restarts.Add(clock.Elapsed);
        up.SetResult(generation);
    }

    public void Dispose() => _engine.Dispose();
}
