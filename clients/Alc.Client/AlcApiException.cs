using System.Net;

namespace Alc.Client;

/// <summary>The engine refused a request: its status and the problem+json it answered with.</summary>
public sealed class AlcApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlcApiException(HttpStatusCode status, ProblemDetails? problem, string? body)
        : base(Describe(status, problem, body))
    {
        Status = status;
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    public AlcApiException()
        : this(HttpStatusCode.InternalServerError, null, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AlcApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AlcApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem document, when the body was one.</summary>
    public ProblemDetails? Problem { get; }

    private static string Describe(HttpStatusCode status, ProblemDetails? problem, string? body)
    {
        string detail = problem is null ? body ?? "" : $"{problem.Title}: {problem.Detail}";
        if (problem?.AdditionalProperties?.TryGetValue("errors", out var errors) == true)
        {
            detail += $" {errors}";
        }

        return $"{(int)status} {status}: {detail}".Trim();
    }
}
