using System.Text.Json.Serialization;
using Alc.Campaigns;

namespace Alc.Bench;

/// <summary>results.json: the dataset, the configuration, and every run's round history.</summary>
public sealed record BenchResults
{
    /// <summary>Dataset folder.</summary>
    [JsonPropertyName("dataset")]
    public required string Dataset { get; init; }

    /// <summary>The configuration, as run.</summary>
    [JsonPropertyName("config")]
    public required BenchConfig Config { get; init; }

    /// <summary>One entry per (strategy, seed).</summary>
    [JsonPropertyName("runs")]
    public List<BenchRun> Runs { get; init; } = [];
}

/// <summary>The configuration part of results.json.</summary>
public sealed record BenchConfig(
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("budget")] int Budget,
    [property: JsonPropertyName("seeds")] IReadOnlyList<long> Seeds,
    [property: JsonPropertyName("epsilon")] double Epsilon,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("iterations")] int Iterations,
    [property: JsonPropertyName("batchSize")] int BatchSize,
    [property: JsonPropertyName("cropSize")] int CropSize,
    [property: JsonPropertyName("retrain")] string Retrain,
    [property: JsonPropertyName("oracle")] string Oracle,
    [property: JsonPropertyName("errorRate")] double ErrorRate,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("trainImages")] int TrainImages,
    [property: JsonPropertyName("valImages")] int ValImages,
    [property: JsonPropertyName("classes")] int Classes,
    [property: JsonPropertyName("wallSeconds")] double WallSeconds,
    [property: JsonPropertyName("autoCorrect")] string AutoCorrect = "none");

/// <summary>One (strategy, seed) run.</summary>
/// <param name="Acquisition">The strategy's label (the acquisition name, or an ablation row).</param>
/// <param name="Seed">The seed.</param>
/// <param name="Rounds">Round 0 (warm start) and every round after it.</param>
public sealed record BenchRun(
    [property: JsonPropertyName("acquisition")] string Acquisition,
    [property: JsonPropertyName("seed")] long Seed,
    [property: JsonPropertyName("rounds")] IReadOnlyList<RoundRecord> Rounds);
