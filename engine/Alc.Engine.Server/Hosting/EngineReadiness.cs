namespace Alc.Engine.Server.Hosting;

/// <summary>Whether start-up work (migrations, demo seeding) has finished: <c>/ready</c> answers 503 until then.</summary>
internal sealed class EngineReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
