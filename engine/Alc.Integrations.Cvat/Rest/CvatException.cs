using System.Net;

namespace Alc.Integrations.Cvat.Rest;

/// <summary>CVAT refused a call or could not be reached; the message names the call and quotes CVAT's answer.</summary>
/// <param name="message">What failed.</param>
/// <param name="status">CVAT's status code, or null when no answer came (unreachable, timed out).</param>
public sealed class CvatException(string message, HttpStatusCode? status = null) : Exception(message)
{
    /// <summary>CVAT's status code, or null when CVAT did not answer.</summary>
    public HttpStatusCode? Status { get; } = status;
}
