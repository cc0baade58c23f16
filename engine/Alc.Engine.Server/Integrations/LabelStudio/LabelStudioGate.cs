using System.Security.Cryptography;
using System.Text;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Integrations.LabelStudio;

/// <summary>
/// Who may call the Label Studio endpoints: Label Studio sends HTTP Basic auth (its ML backend settings) and custom
/// webhook headers, never <c>X-Api-Key</c>, so these routes check <see cref="LabelStudioOptions"/> instead of the API keys.
/// Every comparison is constant-time over SHA-256 digests, so neither length nor content leaks through timing.
/// </summary>
internal static class LabelStudioGate
{
    /// <summary>The custom header a Label Studio webhook is configured to send with <see cref="LabelStudioOptions.WebhookSecret"/>.</summary>
    public const string SecretHeader = "X-Alc-Webhook-Secret";

    /// <summary>Refuses an ML-backend call unless Label Studio sent the configured Basic auth; runs before the body is read.</summary>
    /// <exception cref="ApiProblemException">403 when API keys are required but Label Studio has no credentials configured; 401 for missing or wrong credentials.</exception>
    public static void Check(HttpContext context, EngineOptions options)
    {
        RequireConfigured(options);
        if (options.LabelStudio.BasicAuth.Length > 0 && !BasicMatches(context, options.LabelStudio))
        {
            throw Unauthorized("This endpoint needs the HTTP Basic auth configured in LabelStudio:BasicAuth (Label Studio's ML backend \"Basic auth\" fields).");
        }
    }

    /// <summary>
    /// Authenticates a call of the webhook route, which two senders use: Label Studio's webhooks (custom headers only: the
    /// <see cref="SecretHeader"/>) and its ML-backend connector's "Start training" (Basic auth only). With a secret
    /// configured, the secret opens every action and Basic auth alone only <c>START_TRAINING</c>; without one, Basic auth
    /// (when configured) opens every action. Runs before the body is read.
    /// </summary>
    /// <returns>True when only <c>START_TRAINING</c> may be acted on (Basic auth without the secret).</returns>
    /// <exception cref="ApiProblemException">As <see cref="Check"/>; 401 when neither credential is valid.</exception>
    public static bool CheckWebhook(HttpContext context, EngineOptions options)
    {
        RequireConfigured(options);
        var ls = options.LabelStudio;
        if (ls.WebhookSecret.Length == 0)
        {
            Check(context, options);
            return false;
        }

        if (Matches(ls.WebhookSecret, context.Request.Headers[SecretHeader].ToString()))
        {
            return false;
        }

        return ls.BasicAuth.Length > 0 && BasicMatches(context, ls) ? true : throw MissingSecret();
    }

    /// <summary>The 401 of a webhook delivery without a valid secret; nothing was changed.</summary>
    public static ApiProblemException MissingSecret() => Unauthorized($"The webhook delivery has no valid {SecretHeader} header; nothing was changed. " +
        "Add the header with LabelStudio:WebhookSecret to the Label Studio webhook (Basic auth alone only starts training).");

    /// <summary>Refuses every Label Studio call of an engine that requires API keys but has no Label Studio credentials.</summary>
    /// <exception cref="ApiProblemException">403 naming the settings to set.</exception>
    public static void RequireConfigured(EngineOptions options)
    {
        if (options.KeysRequired && !options.LabelStudio.Secured)
        {
            throw ApiProblemException.Forbidden("This engine requires API keys, which Label Studio cannot send: set ALC_LABELSTUDIO__BASICAUTH " +
                "(user:password, entered in Label Studio's ML backend settings) and ALC_LABELSTUDIO__WEBHOOKSECRET (sent as the webhook's " +
                $"{SecretHeader} header) to open the Label Studio endpoints.");
        }
    }

    /// <summary>Constant-time equality of two secrets (compares their SHA-256 digests).</summary>
    public static bool Matches(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(actual)));

    private static bool BasicMatches(HttpContext context, LabelStudioOptions ls) => Matches(ls.BasicAuth, BasicCredentials(context.Request));

    // user:password of an "Authorization: Basic …" header, or null.
    private static string? BasicCredentials(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ApiProblemException Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
}
