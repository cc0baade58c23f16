namespace Alc.Engine.Server.Hosting;

/// <summary>
/// How the engine's Label Studio endpoints (<c>/integrations/label-studio/projects/{id}/…</c>) authenticate Label Studio.
/// They do not take <c>X-Api-Key</c>: Label Studio cannot send it. With API keys configured, they answer 403 until
/// <see cref="BasicAuth"/> or <see cref="WebhookSecret"/> is set, so configuring keys never leaves them open.
/// </summary>
public sealed class LabelStudioOptions
{
    /// <summary>
    /// <c>user:password</c> that Label Studio sends as HTTP Basic auth on every ML-backend call (its ML backend settings
    /// have the fields): when set, every route needs it (401 otherwise) but the images (their URLs carry a token) and webhook
    /// deliveries that carry the <see cref="WebhookSecret"/> (Label Studio's webhooks send custom headers only).
    /// </summary>
    public string BasicAuth { get; set; } = "";

    /// <summary>
    /// A shared secret that Label Studio's webhook sends in the <c>X-Alc-Webhook-Secret</c> header (a custom header of the
    /// webhook): when set, a webhook delivery without it or with another value is 401 and changes nothing, except
    /// <c>START_TRAINING</c> with valid <see cref="BasicAuth"/>, which is how Label Studio's "Start training" button calls the route.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>
    /// The engine's URL as annotators' browsers reach it (e.g. <c>http://engine.example:8080</c>), for the image URLs in
    /// tasks. Empty: the URL of the request that asked for the tasks.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>True when Label Studio must authenticate (Basic auth or a webhook secret is configured).</summary>
    public bool Secured => BasicAuth.Length > 0 || WebhookSecret.Length > 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming a malformed setting.</summary>
    public void Validate()
    {
        if (BasicAuth.Length > 0 && (BasicAuth.IndexOf(':', StringComparison.Ordinal) is < 1 || BasicAuth.EndsWith(':')))
        {
            throw new ArgumentException("LabelStudio:BasicAuth must be user:password (both non-empty).");
        }

        if (PublicUrl.Length > 0 && !(Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            throw new ArgumentException($"LabelStudio:PublicUrl must be an absolute http(s) URL, got '{PublicUrl}'.");
        }
    }
}
