namespace Alc.Storage.Projects;

/// <summary>A correction campaign over a dataset: its strategy and training settings (JSON) and its oracle.</summary>
public sealed record ProjectRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>The dataset corrected.</summary>
    public long DatasetId { get; init; }

    /// <summary>Unique name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The engine's serialised settings (strategy, model, training).</summary>
    public string StrategyJson { get; init; } = "{}";

    /// <summary>Who answers: people, or the engine from ground truth.</summary>
    public ProjectOracle Oracle { get; init; }

    /// <summary>Creation time (stored form).</summary>
    public string CreatedAt { get; init; } = "";
}
