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

    /// <summary><c>none</c> (people answer) or <c>gt</c> (the engine answers from ground truth).</summary>
    public string Oracle { get; init; } = "none";

    /// <summary>Creation time (stored form).</summary>
    public string CreatedAt { get; init; } = "";
}
