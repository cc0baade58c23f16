using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// One webhook request the fake sent, as CVAT's <c>WebhookDelivery</c> row records it: which webhook, where to, the
/// event, the exact body text (Python <c>json.dumps</c> of the payload), the <c>X-Signature-256</c> header (null when the
/// webhook has no secret), and what the receiver answered. A receiver that could not be reached is recorded as CVAT
/// records it: 502 (connection error) or 504 (timeout) with the error text as the response.
/// </summary>
/// <param name="WebhookId">The webhook's id.</param>
/// <param name="Target">Its <c>target_url</c> at the time of sending.</param>
/// <param name="Event">The event, e.g. <c>update:job</c>.</param>
/// <param name="Body">The body exactly as sent (UTF-8, ASCII only since <c>ensure_ascii=True</c>).</param>
/// <param name="Signature">The <c>X-Signature-256</c> header value, <c>sha256=&lt;lowercase hex&gt;</c>, or null.</param>
/// <param name="StatusCode">The receiver's status code.</param>
/// <param name="Response">The receiver's response body.</param>
/// <param name="Redelivery">Whether this was a redelivery of an earlier request.</param>
internal sealed record CvatFakeDelivery(long WebhookId, Uri Target, string Event, string Body, string? Signature, int StatusCode, string Response, bool Redelivery)
{
    /// <summary>The body parsed.</summary>
    public JsonObject Payload => JsonNode.Parse(Body)!.AsObject();

    /// <summary>Whether CVAT would retry this delivery: 5xx, 408 and 429 (<c>cvat/apps/webhooks/tasks.py</c>). The fake never retries.</summary>
    public bool Retryable => StatusCode >= 500 || StatusCode is 408 or 429;

    /// <summary>CVAT's signature header value for <paramref name="body"/>: <c>sha256=</c> and the lowercase hex HMAC-SHA256 keyed with the secret's UTF-8 bytes.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
