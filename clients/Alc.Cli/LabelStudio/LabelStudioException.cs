using System.Net;

namespace Alc.Cli.LabelStudio;

/// <summary>
/// A Label Studio call that failed: its message names the call (<c>POST /api/projects/</c>) and what Label Studio said,
/// so the CLI prints one line a person can act on.
/// </summary>
public sealed class LabelStudioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabelStudioException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LabelStudioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LabelStudioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Label Studio's refusal of <paramref name="call"/>: its status and the message read from <paramref name="body"/>.</summary>
    /// <param name="call">Method and path, <c>POST /api/projects/3/import</c>.</param>
    /// <param name="status">Label Studio's HTTP status.</param>
    /// <param name="body">Label Studio's response body.</param>
    public LabelStudioException(string call, HttpStatusCode status, string body)
        : base($"Label Studio {call}: {(int)status} {status}: {LabelStudioMessage.Read(body)}{Hint(status)}")
    {
        Status = status;
    }

    /// <summary>Label Studio's HTTP status, or null when it did not answer.</summary>
    public HttpStatusCode? Status { get; }

    private static string Hint(HttpStatusCode status) => status == HttpStatusCode.Unauthorized
        ? " (check --ls-token or LABEL_STUDIO_API_KEY: the access token of Account & Settings)"
        : "";
}
