namespace Alc.Engine.Server.Hosting;

/// <summary>
/// The CVAT integration's settings (<c>ALC_CVAT__…</c>): where CVAT is and the token the engine uses there (to create a
/// round's task and to read a completed job's annotations), the secret CVAT signs webhook deliveries with, and the URL
/// CVAT reaches the engine at. The webhook route is authenticated by the signature alone (CVAT cannot send
/// <c>X-Api-Key</c>); without a secret it refuses every delivery.
/// </summary>
public sealed class CvatOptions
{
    /// <summary>CVAT's URL as the engine reaches it, e.g. <c>http://localhost:8080</c>. Empty: the integration is off.</summary>
    public string Url { get; set; } = "";

    /// <summary>A CVAT API token of the user the engine acts as (it owns the correction projects and tasks).</summary>
    public string Token { get; set; } = "";

    /// <summary>The secret of the webhook the engine registers; CVAT signs each delivery with it (<c>X-Signature-256</c>).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>
    /// The engine's URL as CVAT's server reaches it, for the webhook's target (e.g. <c>http://host.docker.internal:8080</c>
    /// when CVAT runs in Docker). Empty: the URL of the push request.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The JPEG quality of CVAT's compressed chunks (1–100); CVAT also keeps the uploaded originals.</summary>
    public int ImageQuality { get; set; } = 95;

    /// <summary>How long a push waits for CVAT to process a round's images, in seconds.</summary>
    public int UploadTimeoutSeconds { get; set; } = 300;

    /// <summary>Whether a delivery that answers a round's last query also starts the next round's training (as Label Studio's "Start training" does).</summary>
    public bool StartNextRound { get; set; } = true;

    /// <summary>True when the URL and the token are set.</summary>
    public bool Configured => Url.Length > 0 && Token.Length > 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming a malformed setting.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[] { ("Cvat:Url", Url), ("Cvat:PublicUrl", PublicUrl) })
        {
            if (value.Length > 0 && !(Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            {
                throw new ArgumentException($"{name} must be an absolute http(s) URL, got '{value}'.");
            }
        }

        if (ImageQuality is < 1 or > 100)
        {
            throw new ArgumentException($"Cvat:ImageQuality must be 1–100, got {ImageQuality}.");
        }

        if (UploadTimeoutSeconds is < 1 or > 3600)
        {
            throw new ArgumentException($"Cvat:UploadTimeoutSeconds must be 1–3600, got {UploadTimeoutSeconds}.");
        }
    }
}
