using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Problems;

/// <summary>
/// A request the engine refuses, answered as problem+json with <see cref="Status"/> by
/// <see cref="ProblemExceptionHandler"/>. Thrown before any state changes.
/// </summary>
public sealed class ApiProblemException : Exception
{
    /// <summary>Creates the problem.</summary>
    public ApiProblemException(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Errors = errors;
    }

    /// <summary>Creates a 400 problem.</summary>
    public ApiProblemException()
        : this(StatusCodes.Status400BadRequest, "Bad request", "The request is not valid.")
    {
    }

    /// <summary>Creates a 400 problem.</summary>
    public ApiProblemException(string message)
        : this(StatusCodes.Status400BadRequest, "Bad request", message)
    {
    }

    /// <summary>Creates a 400 problem.</summary>
    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Title = "Bad request";
    }

    /// <summary>HTTP status.</summary>
    public int Status { get; }

    /// <summary>Short, stable summary of the kind of problem.</summary>
    public string Title { get; }

    /// <summary>Per-field or per-item errors.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    /// <summary>404: <paramref name="what"/> does not exist.</summary>
    public static ApiProblemException NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist.");

    /// <summary>400: the request is invalid.</summary>
    public static ApiProblemException BadRequest(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status400BadRequest, "Invalid request", detail, errors);

    /// <summary>409: the request conflicts with the current state.</summary>
    public static ApiProblemException Conflict(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status409Conflict, "Conflict", detail, errors);

    /// <summary>422: well-formed but unusable content (an invalid dataset, an Idempotency-Key reused with another body).</summary>
    public static ApiProblemException Unprocessable(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status422UnprocessableEntity, "Unprocessable content", detail, errors);

    /// <summary>413: the upload is larger than allowed.</summary>
    public static ApiProblemException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"The upload exceeds the {limit:N0}-byte limit (MaxUploadMegabytes).");

    /// <summary>403: the caller may not do this (a path outside the allowed roots, a bound annotator key naming another annotator).</summary>
    public static ApiProblemException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);
}
