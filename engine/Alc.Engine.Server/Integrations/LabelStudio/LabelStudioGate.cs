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

    /// <summary>Refuses the call unless Label Studio authenticated as configured; runs before the body is read.</summary>
    /// <param name="context">The request.</param>
    /// <param name="options">The engine's settings.</param>
    /// <param name="webhook">True for a webhook delivery, which must also carry the secret header when one is configured.</param>
    /// <exception cref="ApiProblemException">403 when API keys are required but Label Studio has no credentials configured; 401 for a missing or wrong credential.</exception>
    public static void Check(HttpContext context, EngineOptions options, bool webhook = false)
    {
        var ls = options.LabelStudio;
        RequireConfigured(options);
        if (ls.BasicAuth.Length > 0 && !Matches(ls.BasicAuth, BasicCredentials(context.Request)))
        {
            throw Unauthorized("This endpoint needs the HTTP Basic auth configured in LabelStudio:BasicAuth (Label Studio's ML backend \"Basic auth\" fields).");
        }

        if (webhook && ls.WebhookSecret.Length > 0 && !Matches(ls.WebhookSecret, context.Request.Headers[SecretHeader].ToString()))
        {
            throw Unauthorized($"The webhook delivery has no valid {SecretHeader} header; nothing was changed. " +
                "Add the header with LabelStudio:WebhookSecret to the Label Studio webhook.");
        }
    }

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
