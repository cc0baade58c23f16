using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Webhooks, as CVAT's WebhookWriteSerializer and EventTypeValidator take them (<c>cvat/apps/webhooks/serializers.py</c>):
/// <c>target_url</c> an absolute http(s) URL (Django URLField: <c>Enter a valid URL.</c>), <c>type</c> <c>project</c>
/// (an <c>organization</c> webhook needs an organization, which the fake does not have), <c>project_id</c> of an
/// existing project, <c>events</c> from <see cref="CvatWebhookEvents"/> (an unknown one: <c>"x" is not a valid choice.</c>;
/// one a project webhook may not take: <c>Invalid events list for project webhook</c>), <c>content_type</c>
/// <c>application/json</c>, optional <c>description</c>, <c>secret</c>, <c>is_active</c> and <c>enable_ssl</c>. Answers
/// never show the secret. <c>GET /api/webhooks</c> filters by <c>project_id</c> and <c>type</c>.
/// </summary>
internal sealed partial class CvatFakeRoutes
{
    private static readonly string[] WebhookTypes = ["organization", "project"];
    private static readonly string[] ContentTypes = ["application/json"];

    private void MapWebhooks(WebApplication app)
    {
        app.MapPost("/api/webhooks", (Func<HttpContext, Task<IResult>>)CreateWebhookAsync);
        app.MapGet("/api/webhooks", (HttpContext context) =>
            TryFilter(context, "project_id", out long? projectId, out var error)
                ? CvatFakePagination.Page(context, NewestFirst(Where(Matching(context, store.Webhooks().Select(w =>
                {
                    w.Remove("secret");
                    return w;
                }), "type"), "project_id", projectId)))
                : error!);
        app.MapGet("/api/webhooks/{id:long}", (long id) => store.Webhook(id) is { } webhook ? CvatFakeErrors.Json(webhook) : CvatFakeErrors.NotFound());
        app.MapDelete("/api/webhooks/{id:long}", (long id) => store.DeleteWebhook(id) ? Results.NoContent() : CvatFakeErrors.NotFound());
    }

    private async Task<IResult> CreateWebhookAsync(HttpContext context)
    {
        var (body, error) = await ReadObjectAsync(context);
        if (body is null)
        {
            return error!;
        }

        var fields = new CvatFakeFields(body);
        string? target = fields.String("target_url", maxLength: 8192);
        Uri? targetUrl = null;
        if (target is not null && !(Uri.TryCreate(target, UriKind.Absolute, out targetUrl) && targetUrl.Scheme is "http" or "https" && targetUrl.Host.Length > 0))
        {
            fields.Fail("target_url", "Enter a valid URL.");
        }

        string description = fields.String("description", required: false, allowBlank: true, maxLength: 128) ?? "";
        string? type = fields.Choice("type", WebhookTypes);
        fields.Choice("content_type", ContentTypes, required: false);
        string secret = fields.String("secret", required: false, allowBlank: true, maxLength: 64) ?? "";
        bool isActive = fields.Boolean("is_active", required: false) ?? true;
        bool enableSsl = fields.Boolean("enable_ssl", required: false) ?? true;
        long? projectId = fields.Integer("project_id", required: false, allowNull: true);
        var events = new List<string>();
        if (fields.List("events") is { } given)
        {
            foreach (var item in given)
            {
                string name = item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : item?.ToJsonString() ?? "None";
                if (CvatWebhookEvents.All.Contains(name))
                {
                    events.Add(name);
                }
                else
                {
                    fields.Fail("events", $"\"{name}\" is not a valid choice.");
                }
            }
        }

        if (!fields.Valid)
        {
            return CvatFakeErrors.Invalid(fields.Errors);
        }

        if (type == "organization")
        {
            return CvatFakeErrors.Field("type", "The contract fake has no organizations; create a project webhook.");
        }

        if (events.Any(e => !CvatWebhookEvents.Project.Contains(e)))
        {
            return CvatFakeErrors.Field("non_field_errors", "Invalid events list for project webhook");
        }

        if (projectId is null)
        {
            return CvatFakeErrors.Field("project_id", "A project webhook needs the project_id of its project.");
        }

        var spec = new CvatFakeWebhookSpec(targetUrl!, description, projectId.Value, events, secret, isActive, enableSsl);
        return store.AddWebhook(spec) is { } webhook
            ? CvatFakeErrors.Json(webhook, StatusCodes.Status201Created)
            : CvatFakeErrors.Field("project_id", string.Create(CultureInfo.InvariantCulture, $"Invalid pk \"{projectId}\" - object does not exist."));
    }
}
