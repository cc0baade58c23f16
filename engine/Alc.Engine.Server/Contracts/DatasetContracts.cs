using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Alc.Engine.Server.Contracts;

/// <summary>One class of a dataset.</summary>
/// <param name="Id">Class id (the value in label maps), 0..254.</param>
/// <param name="Name">Name, unique within the dataset.</param>
/// <param name="Color">Display colour as <c>#rrggbb</c>.</param>
public sealed record ClassDto([property: Required] int Id, [property: Required] string Name, [property: Required] string Color);

/// <summary>A dataset with its classes and image counts.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Classes">Classes by id.</param>
/// <param name="TrainImages">Images in the train split (the ones corrected).</param>
/// <param name="ValImages">Images in the val split (Model mIoU).</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record DatasetDto(
    [property: Required] long Id,
    [property: Required] string Name,
    [property: Required] IReadOnlyList<ClassDto> Classes,
    [property: Required] int TrainImages,
    [property: Required] int ValImages,
    [property: Required] DateTimeOffset CreatedAt);

/// <summary>Creates an empty dataset; images are added with <c>POST /datasets/{id}/images</c>.</summary>
public sealed record CreateDatasetRequest
{
    /// <summary>Unique name.</summary>
    [Required]
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>Classes; ids must be 0..n−1 without gaps.</summary>
    [Required]
    [JsonRequired]
    public IReadOnlyList<ClassDto> Classes { get; init; } = [];
}

/// <summary>Imports a dataset folder in the ALC format from a path on the server (under one of the allowed roots).</summary>
public sealed record ImportDatasetRequest
{
    /// <summary>Unique name of the new dataset.</summary>
    [Required]
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>Server path of the folder (holding <c>classes.json</c>, <c>splits/</c>, <c>images/</c>, <c>pseudo/</c>, <c>superpixels/</c>, optional <c>gt/</c>).</summary>
    [Required]
    [JsonRequired]
    public string Path { get; init; } = "";
}

/// <summary>One image of a dataset.</summary>
/// <param name="Id">Id.</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Stem">File stem, unique within the dataset.</param>
/// <param name="Split"><c>train</c> or <c>val</c>.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="HasGroundTruth">Whether ground truth is stored.</param>
public sealed record ImageDto(
    [property: Required] long Id,
    [property: Required] long DatasetId,
    [property: Required] string Stem,
    [property: Required] string Split,
    [property: Required] int Width,
    [property: Required] int Height,
    [property: Required] bool HasGroundTruth);

/// <summary>A page of images.</summary>
/// <param name="Total">Images matching the filter.</param>
/// <param name="Offset">Offset of the first item.</param>
/// <param name="Items">The page.</param>
public sealed record ImagePageDto([property: Required] int Total, [property: Required] int Offset, [property: Required] IReadOnlyList<ImageDto> Items);
