using System.ComponentModel.DataAnnotations;

namespace Alc.Engine.Server.Contracts;

/// <summary>
/// A correction query: "pixel (<see cref="X"/>, <see cref="Y"/>) of image <see cref="ImageId"/> is labelled
/// <see cref="ShownClass"/>; give the right class only if that is wrong".
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Round">The round's number.</param>
/// <param name="ImageId">The image.</param>
/// <param name="X">Column of the queried pixel.</param>
/// <param name="Y">Row of the queried pixel.</param>
/// <param name="SuperpixelId">The superpixel the answer expands to.</param>
/// <param name="ShownLabel">The class id the query shows.</param>
/// <param name="ShownClass">The class name the query shows.</param>
/// <param name="Score">The acquisition score (higher = asked first).</param>
/// <param name="LeaseOwner">Who holds the lease, if anyone.</param>
/// <param name="LeaseExpiresAt">When the lease ends (UTC).</param>
/// <param name="Answered">Whether an answer was accepted.</param>
public sealed record QueryDto(
    [property: Required] long Id,
    [property: Required] long ProjectId,
    [property: Required] int Round,
    [property: Required] long ImageId,
    [property: Required] int X,
    [property: Required] int Y,
    [property: Required] int SuperpixelId,
    [property: Required] int ShownLabel,
    [property: Required] string ShownClass,
    [property: Required] double Score,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    [property: Required] bool Answered);

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
