using System.Security.Cryptography;
using System.Text;
using Alc.Engine.Server.Hosting;

namespace Alc.Engine.Server.Integrations.LabelStudio;

/// <summary>
/// Signed image URLs for tasks: the annotator's browser loads a task's image straight from the engine and cannot send
/// Label Studio's Basic auth, so when the integration is secured each image URL carries an HMAC of its project and image
/// keyed by the configured secrets. A token opens that one image and nothing else.
/// </summary>
internal static class ImageTokens
{
    /// <summary>The query parameter that carries the token.</summary>
    public const string Parameter = "token";

    /// <summary>The token for an image of a project (empty when the integration is not secured: the URL needs none).</summary>
    public static string For(LabelStudioOptions options, long projectId, long imageId) =>
        options.Secured ? Sign(options, projectId, imageId) : "";

    /// <summary>Whether <paramref name="token"/> opens the image (always when the integration is not secured).</summary>
    public static bool Valid(LabelStudioOptions options, long projectId, long imageId, string? token) =>
        !options.Secured || LabelStudioGate.Matches(Sign(options, projectId, imageId), token);

    private static string Sign(LabelStudioOptions options, long projectId, long imageId)
    {
        byte[] key = Encoding.UTF8.GetBytes($"alc-image-token\n{options.BasicAuth}\n{options.WebhookSecret}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{projectId}/{imageId}")))[..32];
    }
}
