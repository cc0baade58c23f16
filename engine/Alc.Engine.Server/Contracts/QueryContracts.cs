using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Alc.Engine.Server.Contracts;

/// <summary>What an answer to a query covers.</summary>
public enum QueryKind
{
    /// <summary>A correction query: the answer expands to the queried pixel's superpixel.</summary>
    Pixel,

    /// <summary>
    /// A region check of the automated correction: the answer covers <see cref="QueryDto.Region"/>, the connected pixels
    /// where the judges predict one other class than the label they all carry, and a person's verdict freezes them.
    /// </summary>
    Region,
}

/// <summary>The region a region check's answer covers, as a COCO run-length encoding (column-major, compressed counts).</summary>
/// <param name="Pixels">Pixels in the region.</param>
/// <param name="Size">[height, width] of the image.</param>
/// <param name="Counts">COCO compressed RLE counts string (pycocotools' <c>mask.decode</c> reads it).</param>
/// <param name="Bbox">[x, y, width, height] of the region.</param>
public sealed record QueryRegionDto(
    [property: Required] int Pixels,
    [property: Required] IReadOnlyList<int> Size,
    [property: Required] string Counts,
    [property: Required] IReadOnlyList<int> Bbox);

/// <summary>
/// A correction query: "pixel (<see cref="X"/>, <see cref="Y"/>) of image <see cref="ImageId"/> is labelled
/// <see cref="ShownClass"/>; give the right class only if that is wrong". A <see cref="QueryKind.Region"/> query asks
/// the same about a whole region (<see cref="Region"/>).
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Round">The round's number.</param>
/// <param name="ImageId">The image.</param>
/// <param name="X">Column of the queried pixel.</param>
/// <param name="Y">Row of the queried pixel.</param>
/// <param name="Kind">pixel (the answer expands to the superpixel) or region (it covers <paramref name="Region"/>).</param>
/// <param name="SuperpixelId">The superpixel the answer expands to (for a region check, the queried pixel's superpixel, which it does not cover).</param>
/// <param name="ShownLabel">The class id the query shows.</param>
/// <param name="ShownClass">The class name the query shows.</param>
/// <param name="Score">The acquisition score, for a region check the pixels it is expected to fix, Σ f(ŷ) (higher = asked first).</param>
/// <param name="LeaseOwner">Who holds the lease, if anyone.</param>
/// <param name="LeaseExpiresAt">When the lease ends (UTC).</param>
/// <param name="Answered">Whether an answer was accepted.</param>
/// <param name="Region">The region a region check covers; null for a pixel query.</param>
public sealed record QueryDto(
    [property: Required] long Id,
    [property: Required] long ProjectId,
    [property: Required] int Round,
    [property: Required] long ImageId,
    [property: Required] int X,
    [property: Required] int Y,
    [property: Required] QueryKind Kind,
    [property: Required] int SuperpixelId,
    [property: Required] int ShownLabel,
    [property: Required] string ShownClass,
    [property: Required] double Score,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    [property: Required] bool Answered,
    QueryRegionDto? Region);

/// <summary>A batch of queries leased to one annotator.</summary>
/// <param name="Annotator">The lease owner.</param>
/// <param name="Round">The round's number, or null when no round is querying.</param>
/// <param name="Remaining">Unanswered queries of the round, leased or not.</param>
/// <param name="Queries">The leased queries, best score first (empty when none are free).</param>
public sealed record QueryBatchDto(
    [property: Required] string Annotator,
    int? Round,
    [property: Required] int Remaining,
    [property: Required] IReadOnlyList<QueryDto> Queries);

/// <summary>A request to lease queries: the annotator's open leases are renewed first, then free queries are added up to <see cref="Count"/>.</summary>
public sealed record LeaseRequest
{
    /// <summary>Who takes the lease (1–200 characters); answers to the leased queries must name the same annotator.</summary>
    [Required]
    [JsonRequired]
    public string Annotator { get; init; } = "";

    /// <summary>How many queries to hold (1..MaxLeaseCount).</summary>
    [DefaultValue(10)]
    public int Count { get; init; } = 10;
}

/// <summary>
/// What the ground truth says at a query's pixel, beside what the query shows: the answer a perfect annotator gives
/// (confirm when they agree, correct to <paramref name="Label"/> otherwise). For simulated annotators and scripts
/// that benchmark over HTTP; the dataset must have ground truth.
/// </summary>
/// <param name="QueryId">The query.</param>
/// <param name="ShownLabel">The class id the query shows.</param>
/// <param name="Label">The ground-truth class id at the queried pixel (255 where the ground truth says ignore).</param>
/// <param name="Class">The ground-truth class name (<c>ignore</c> for 255).</param>
/// <param name="ShownIsRight">Whether the shown label equals the ground truth.</param>
public sealed record QueryTruthDto(
    [property: Required] long QueryId,
    [property: Required] int ShownLabel,
    [property: Required] int Label,
    [property: Required] string Class,
    [property: Required] bool ShownIsRight);

/// <summary>A page of a round's queries, in the order the round asks them.</summary>
/// <param name="Total">Queries matching the filter.</param>
/// <param name="Offset">Offset of the first item.</param>
/// <param name="Items">The page.</param>
public sealed record QueryPageDto([property: Required] int Total, [property: Required] int Offset, [property: Required] IReadOnlyList<QueryDto> Items);
