namespace Alc.Storage.Projects;

/// <summary>Who answers a project's queries (stored as <c>none</c> or <c>gt</c>).</summary>
public enum ProjectOracle
{
    /// <summary>People, through the API and the labeling tools.</summary>
    None,

    /// <summary>The engine itself, from the dataset's ground truth (simulated campaigns over HTTP).</summary>
    Gt,
}
