namespace Alc.Storage.Models;

/// <summary>A stored ONNX model: its file (a blob) and what validation read from it.</summary>
public sealed record ModelRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>Unique name.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the model is for (<c>semantic</c>, <c>sam-encoder</c>, <c>sam-decoder</c>, <c>detector</c>).</summary>
    public string Role { get; init; } = "";

    /// <summary>The model file's blob hash.</summary>
    public string Blob { get; init; } = "";

    /// <summary>The file's size in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>The inputs and outputs as JSON, as ONNX Runtime read them when the model was uploaded.</summary>
    public string Signature { get; init; } = "";

    /// <summary>The declared pre-processing as JSON.</summary>
    public string Preprocessing { get; init; } = "";

    /// <summary>Upload time (UTC, ISO 8601).</summary>
    public string CreatedAt { get; init; } = "";
}
