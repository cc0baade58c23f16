using System.ComponentModel.DataAnnotations;

namespace Alc.Engine.Server.Contracts;

/// <summary>
/// How an image becomes a model's input, declared with the model (never guessed): the input size when the model needs
/// one, the channel order, and the per-channel mean and standard deviation applied to values scaled to 0..1.
/// </summary>
public sealed record ModelPreprocessingDto
{
    /// <summary>Width the image is resized to; null: the image's own (the model's spatial axes must then be free).</summary>
    [Range(1, 8192)]
    public int? Width { get; init; }

    /// <summary>Height the image is resized to; null: the image's own.</summary>
    [Range(1, 8192)]
    public int? Height { get; init; }

    /// <summary><c>rgb</c> or <c>bgr</c>: the order of the input's three channels.</summary>
    public string ChannelOrder { get; init; } = "rgb";

    /// <summary>Per-channel mean subtracted (in the input's channel order), on values scaled to 0..1; default ImageNet's.</summary>
    public IReadOnlyList<double> Mean { get; init; } = [0.485, 0.456, 0.406];

    /// <summary>Per-channel standard deviation divided by, after the mean; default ImageNet's.</summary>
    public IReadOnlyList<double> Std { get; init; } = [0.229, 0.224, 0.225];

    /// <summary>
    /// For a semantic model with one output channel (a binary model, e.g. a text or foreground probability map), required
    /// there: a pixel is class 1 where the output exceeds this (0.5 for a probability, 0 for a logit), else class 0.
    /// </summary>
    public double? BinaryThreshold { get; init; }
}

/// <summary>One input or output of a model.</summary>
/// <param name="Name">Its name in the graph.</param>
/// <param name="ElementType">Element type (<c>float</c>, <c>int64</c>, …).</param>
/// <param name="Dimensions">Shape; −1 for a free axis.</param>
public sealed record ModelTensorDto([property: Required] string Name, [property: Required] string ElementType, [property: Required] IReadOnlyList<long> Dimensions);

/// <summary>An uploaded ONNX model.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Role"><c>semantic</c>, <c>sam-encoder</c>, <c>sam-decoder</c> or <c>detector</c>.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Inputs">Inputs as ONNX Runtime read them.</param>
/// <param name="Outputs">Outputs as ONNX Runtime read them.</param>
/// <param name="Classes">For a semantic model with a fixed class axis, the classes its labels take: L, or 2 for a one-channel (binary) model; else null.</param>
/// <param name="Preprocessing">The declared pre-processing.</param>
/// <param name="CreatedAt">Upload time (UTC).</param>
public sealed record ModelDto(
    [property: Required] long Id,
    [property: Required] string Name,
    [property: Required] string Role,
    [property: Required] long Bytes,
    [property: Required] IReadOnlyList<ModelTensorDto> Inputs,
    [property: Required] IReadOnlyList<ModelTensorDto> Outputs,
    int? Classes,
    [property: Required] ModelPreprocessingDto Preprocessing,
    [property: Required] DateTimeOffset CreatedAt);
