namespace Alc.Engine;

/// <summary>
/// Names the alc-engine assembly, the one with the entry point, for hosts built on it from outside (ASP.NET's
/// WebApplicationFactory needs a type of that assembly to find its dependency manifest and content root).
/// </summary>
public sealed class EngineAssembly
{
    private EngineAssembly()
    {
    }
}
