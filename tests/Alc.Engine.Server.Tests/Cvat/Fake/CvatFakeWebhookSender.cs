using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>How an <c>update:job</c> payload is laid out; CVAT changed it between releases.</summary>
internal enum CvatWebhookPayloadLayout
{
    /// <summary>
    /// CVAT 2.x <c>cvat/apps/webhooks/signals.py</c>: <c>{"event", "job", "sender", "before_update", "webhook_id"}</c>,
    /// where <c>before_update</c> maps every field of the job's JSON that changed (<c>get_instance_diff</c>, labels
    /// ignored) to its old value — a state change lists <c>state</c> and <c>updated_date</c>.
    /// </summary>
    WithBeforeUpdate,

    /// <summary>Current CVAT <c>cvat/apps/webhooks/services.py</c> (trigger_resource_saved_webhooks): <c>{"event", "webhook_id", "job", "sender"}</c>, no <c>before_update</c>.</summary>
    Current,
}

/// <summary>
/// Sends webhook requests as CVAT's <c>perform_webhook_request</c> does: POST to the target, <c>Content-Type:
/// application/json</c>, the body Python's <c>json.dumps(payload)</c>, and <c>X-Signature-256: sha256=…</c> (HMAC-SHA256 of
/// those exact bytes, keyed with the secret's UTF-8) only when the webhook has a secret. The request goes through the
/// test's <c>deliver</c> function (so it can reach an in-memory server); the answer's status and body are recorded, an
/// unreachable receiver as 502 and a timeout as 504. Deliveries run one after another, synchronously with the save
/// that caused them — in CVAT they are queued and sent after the save's transaction commits — and are never retried
/// (CVAT retries 5xx, 408 and 429).
/// </summary>
internal sealed class CvatFakeWebhookSender(CvatFakeStore store, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> deliver)
{
    private readonly ConcurrentQueue<CvatFakeDelivery> deliveries = new();

    /// <summary>The payload layout of <c>update:job</c> deliveries.</summary>
    public CvatWebhookPayloadLayout Layout { get; set; } = CvatWebhookPayloadLayout.WithBeforeUpdate;

    /// <summary>Every delivery so far, in order.</summary>
    public IReadOnlyList<CvatFakeDelivery> Deliveries => [.. deliveries];

    /// <summary>Sends <c>update:job</c> for a job save to every webhook it selected; answers the deliveries made.</summary>
    public async Task<IReadOnlyList<CvatFakeDelivery>> JobSavedAsync(CvatFakeJobSave save, CancellationToken cancellationToken)
    {
        var made = new List<CvatFakeDelivery>();
        foreach (var hook in save.Webhooks)
        {
            var payload = Layout == CvatWebhookPayloadLayout.WithBeforeUpdate
                ? new JsonObject
                {
                    ["event"] = CvatWebhookEvents.UpdateJob,
                    ["job"] = save.After.DeepClone(),
                    ["sender"] = save.Sender.DeepClone(),
                    ["before_update"] = BeforeUpdate(save.Before, save.After),
                    ["webhook_id"] = hook.Id,
                }
                : new JsonObject
                {
                    ["event"] = CvatWebhookEvents.UpdateJob,
                    ["webhook_id"] = hook.Id,
                    ["job"] = save.After.DeepClone(),
                    ["sender"] = save.Sender.DeepClone(),
                };
            string body = PythonJson.Dumps(payload);
            string? signature = hook.Secret.Length > 0 ? CvatFakeDelivery.Sign(hook.Secret, body) : null;
            made.Add(await SendAsync(hook.Id, hook.Target, CvatWebhookEvents.UpdateJob, body, signature, redelivery: false, cancellationToken));
        }

        return made;
    }

    /// <summary>Sends the last delivery's body and signature header again, to its webhook's current target.</summary>
    public async Task<CvatFakeDelivery> RedeliverLastAsync(CancellationToken cancellationToken)
    {
        var last = deliveries.LastOrDefault() ?? throw new InvalidOperationException("There was no delivery to redeliver.");
        var hook = store.Hook(last.WebhookId) ?? throw new InvalidOperationException($"Webhook {last.WebhookId} is gone or inactive; CVAT would skip the redelivery.");
        return await SendAsync(last.WebhookId, hook.Target, last.Event, last.Body, last.Signature, redelivery: true, cancellationToken);
    }

    // get_instance_diff: every field of the new JSON whose value differs from the old one's (labels ignored), with the old value.
    private static JsonObject BeforeUpdate(JsonObject before, JsonObject after)
    {
        var changed = new JsonObject();
        foreach (var (key, value) in after)
        {
            if (key != "labels" && !JsonNode.DeepEquals(before[key], value))
            {
                changed[key] = before[key]?.DeepClone();
            }
        }

        return changed;
    }

    private async Task<CvatFakeDelivery> SendAsync(long webhookId, Uri target, string eventName, string body, string? signature, bool redelivery, CancellationToken cancellationToken)
    {
        int status;
        string response;
        using (var request = new HttpRequestMessage(HttpMethod.Post, target))
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (signature is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Signature-256", signature);
            }

            try
            {
                using var answer = await deliver(request, cancellationToken);
                status = (int)answer.StatusCode;
                response = await answer.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                (status, response) = ((int)HttpStatusCode.BadGateway, ex.Message);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                (status, response) = ((int)HttpStatusCode.GatewayTimeout, ex.Message);
            }
        }

        store.RecordDelivery(webhookId, status);
        var delivery = new CvatFakeDelivery(webhookId, target, eventName, body, signature, status, response, redelivery);
        deliveries.Enqueue(delivery);
        return delivery;
    }
}
