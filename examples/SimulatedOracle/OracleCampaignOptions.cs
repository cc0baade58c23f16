using Alc.Core.Oracle;

namespace Alc.Examples.SimulatedOracle;

/// <summary>A simulated campaign's settings; the defaults are <c>alc-engine bench</c>'s, so the same numbers come out.</summary>
public sealed record OracleCampaignOptions
{
    /// <summary>Project name (unique on the engine).</summary>
    public string Project { get; init; } = $"simulated-oracle-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}";

    /// <summary>Rounds of queries.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Queries per round (B).</summary>
    public int Budget { get; init; } = 100;

    /// <summary>Strategy: <c>default</c> (the engine's) or an acquisition name such as <c>sim</c>.</summary>
    public string Acquisition { get; init; } = "default";

    /// <summary>Seed of training, acquisition and the oracle's mistakes.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Model.</summary>
    public string Model { get; init; } = "fcn-small";

    /// <summary>Training iterations per round.</summary>
    public int Iterations { get; init; } = 250;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Training crop side.</summary>
    public int CropSize { get; init; } = 96;

    /// <summary>Training batch size.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>How the oracle answers (pixel or the authors' paper rule), its error rate and answer times.</summary>
    public OracleOptions Oracle { get; init; } = new();

    /// <summary>Queries leased per request.</summary>
    public int LeaseCount { get; init; } = 100;
}
