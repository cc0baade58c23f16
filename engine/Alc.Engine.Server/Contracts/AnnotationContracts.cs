using System.ComponentModel.DataAnnotations;

namespace Alc.Engine.Server.Contracts;

/// <summary>
/// What an annotator's page needs to know about a project, readable with an annotator key: the classes it may answer with
/// (ids, names and colours, for the class picker), the latest round with the job that trains it, and how many of the
/// querying round's queries nobody holds, so the page can tell "training (k %)" from "nothing left for you" from "closed".
/// </summary>
/// <param name="Id">The project.</param>
/// <param name="Name">Its name.</param>
/// <param name="Classes">The dataset's classes by id.</param>
/// <param name="Round">The latest round, if any.</param>
/// <param name="Job">The latest round's job (its progress while training and scoring), if any.</param>
/// <param name="Free">Unanswered queries of the querying round without a live lease (0 when no round is querying).</param>
public sealed record AnnotationProjectDto(
    [property: Required] long Id,
    [property: Required] string Name,
    [property: Required] IReadOnlyList<ClassDto> Classes,
    RoundDto? Round,
    JobDto? Job,
    [property: Required] int Free);

/// <summary>One annotator's pace on a project, from the answer log: what a lead needs to plan a campaign's people-hours.</summary>
/// <param name="Annotator">The name the answers were given under.</param>
/// <param name="Answers">Answers accepted.</param>
/// <param name="Corrections">Of those, corrections.</param>
/// <param name="Unsure">Of those, unsure.</param>
/// <param name="MedianSeconds">Median reported time per answer (<c>elapsedMs</c>), in seconds.</param>
/// <param name="QueriesPerHour">Answers per hour of reported time on task: 3,600 · answers / Σ seconds (null when no time was reported).</param>
public sealed record AnnotatorThroughputDto(
    [property: Required] string Annotator,
    [property: Required] int Answers,
    [property: Required] int Corrections,
    [property: Required] int Unsure,
    [property: Required] double MedianSeconds,
    double? QueriesPerHour);
