using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>Where one delivery goes: the webhook's id, target and secret (empty for none) at the time of the save.</summary>
/// <param name="Id">The webhook id.</param>
/// <param name="Target">Its target URL.</param>
/// <param name="Secret">Its secret, empty for none.</param>
internal sealed record CvatFakeHook(long Id, Uri Target, string Secret);

/// <summary>A webhook as a create request gives it, checked.</summary>
/// <param name="TargetUrl">The absolute http(s) target.</param>
/// <param name="Description">The description.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Events">The events.</param>
/// <param name="Secret">The secret, empty for none.</param>
/// <param name="IsActive">Whether it delivers.</param>
/// <param name="EnableSsl">Whether certificates would be verified.</param>
internal sealed record CvatFakeWebhookSpec(Uri TargetUrl, string Description, long ProjectId, IReadOnlyList<string> Events, string Secret, bool IsActive, bool EnableSsl);

/// <summary>
/// Webhooks, shown as CVAT's WebhookReadSerializer shows them: never the secret, events sorted, and
/// <c>last_status</c>/<c>last_delivery_date</c> only once there was a delivery (DRF skips them before). CVAT selects the
/// webhooks to notify as <c>select_webhooks</c> does: active ones of the resource's project whose events include the
/// event, by id.
/// </summary>
internal sealed partial class CvatFakeStore
{
    private readonly SortedDictionary<long, FakeWebhook> webhooks = [];
    private long lastWebhook;

    /// <summary>Every webhook as the API shows it, plus its <c>secret</c> (which the API never shows).</summary>
    public IReadOnlyList<JsonObject> Webhooks() => Locked(() => webhooks.Values.Select(w =>
    {
        var json = WebhookJson(w);
        json["secret"] = w.Secret;
        return json;
    }).ToList());

    /// <summary>The webhook as <c>GET /api/webhooks/{id}</c> shows it, or null.</summary>
    public JsonObject? Webhook(long id) => Locked(() => webhooks.TryGetValue(id, out var w) ? WebhookJson(w) : null);

    /// <summary>Stores a webhook; null when its project does not exist.</summary>
    public JsonObject? AddWebhook(CvatFakeWebhookSpec spec) => Locked(() =>
    {
        if (!projects.ContainsKey(spec.ProjectId))
        {
            return null;
        }

        var webhook = new FakeWebhook
        {
            Id = ++lastWebhook,
            TargetUrl = spec.TargetUrl,
            Description = spec.Description,
            Type = "project",
            ProjectId = spec.ProjectId,
            Events = [.. spec.Events.Distinct().Order(StringComparer.Ordinal)],
            Secret = spec.Secret,
            IsActive = spec.IsActive,
            EnableSsl = spec.EnableSsl,
            OwnerId = TokenUser.Id,
            Created = clock.Next(),
        };
        webhooks[webhook.Id] = webhook;
        return WebhookJson(webhook);
    });

    /// <summary>Deletes a webhook; false when there was none.</summary>
    public bool DeleteWebhook(long id) => Locked(() => webhooks.Remove(id));

    /// <summary>The webhook as a delivery target now, or null when it no longer exists or is inactive (CVAT's <c>send_webhook</c> then skips it).</summary>
    public CvatFakeHook? Hook(long id) => Locked(() =>
        webhooks.TryGetValue(id, out var w) && w.IsActive ? new CvatFakeHook(w.Id, w.TargetUrl, w.Secret) : null);

    /// <summary>Notes a delivery's outcome on its webhook.</summary>
    public void RecordDelivery(long webhookId, int statusCode) => Locked(() =>
    {
        if (webhooks.TryGetValue(webhookId, out var w))
        {
            w.LastStatus = statusCode;
            w.LastDeliveryDate = clock.Next();
        }

        return true;
    });

    private List<CvatFakeHook> HooksFor(long? projectId, string eventName) =>
        [.. webhooks.Values.Where(w => w.IsActive && w.ProjectId == projectId && w.Events.Contains(eventName)).Select(w => new CvatFakeHook(w.Id, w.TargetUrl, w.Secret))];

    private JsonObject WebhookJson(FakeWebhook webhook)
    {
        var json = new JsonObject
        {
            ["id"] = webhook.Id,
            ["url"] = Url($"api/webhooks/{webhook.Id}"),
            ["target_url"] = webhook.TargetUrl.OriginalString,
            ["description"] = webhook.Description,
            ["type"] = webhook.Type,
            ["content_type"] = "application/json",
            ["is_active"] = webhook.IsActive,
            ["enable_ssl"] = webhook.EnableSsl,
            ["created_date"] = webhook.Created,
            ["updated_date"] = webhook.Created,
            ["owner"] = UserJson(users.First(u => u.Id == webhook.OwnerId)),
            ["project_id"] = webhook.ProjectId,
            ["organization"] = null,
            ["events"] = new JsonArray([.. webhook.Events.Select(e => (JsonNode?)e)]),
        };
        if (webhook.LastStatus is int status)
        {
            json["last_status"] = status;
            json["last_delivery_date"] = webhook.LastDeliveryDate;
        }

        return json;
    }
}
