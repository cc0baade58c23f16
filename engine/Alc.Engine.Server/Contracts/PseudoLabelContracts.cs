using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

using Alc.Engine.Server.Datasets;

namespace Alc.Engine.Server.Contracts;

/// <summary>Where a pseudo-labelled dataset's superpixels come from.</summary>
public enum SuperpixelSource
{
    /// <summary>The source dataset's own (for example SAM masks it was imported with).</summary>
    Keep,

    /// <summary>New SLIC superpixels from each photo (<see cref="PseudoLabelRequest.SlicSegments"/> per image).</summary>
    Slic,
}

/// <summary>
/// Labels a dataset's photos with an uploaded <c>semantic</c> model into a new dataset: the model's argmax labels become the
/// new dataset's pseudo labels D0; photos, splits and ground truth are the source's. The source dataset is never changed.
/// </summary>
public sealed record PseudoLabelRequest
{
    /// <summary>The uploaded model (role <c>semantic</c>, answering as many classes as the dataset has).</summary>
    [Required]
    [JsonRequired]
    public long ModelId { get; init; }

    /// <summary>Unique name of the dataset the job makes.</summary>
    [Required]
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>Whether the new dataset keeps the source's superpixels or gets SLIC ones.</summary>
    [DefaultValue(SuperpixelSource.Keep)]
    public SuperpixelSource Superpixels { get; init; } = SuperpixelSource.Keep;

    /// <summary>For <c>slic</c> only: SLIC superpixels per image.</summary>
    [Range(ForeignImports.MinSlicSegments, ForeignImports.MaxSlicSegments)]
    [DefaultValue(ForeignImports.DefaultSlicSegments)]
    public int SlicSegments { get; init; } = ForeignImports.DefaultSlicSegments;
}
