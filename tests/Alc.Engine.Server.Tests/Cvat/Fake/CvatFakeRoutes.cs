using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// The REST surface of the contract fake, under <c>/api</c> without trailing slashes as CVAT's router has it. This file
/// maps every route and holds the server and user endpoints and the request helpers (JSON bodies as DRF's JSONParser
/// takes them, query filters as django-filter's NumberFilter reads them); the other parts hold the endpoint groups.
/// Lists are newest first (<c>ordering = "-id"</c>, as CVAT's webhook viewset has it and its project, task and job
/// viewsets are taken to have it) except labels, which come by id, and are paginated
/// (<see cref="CvatFakePagination"/>). Simple filters (<c>name</c>, <c>project_id</c>, …) compare for equality, as
/// CVAT's SimpleFilter does; <c>search</c> is the case-insensitive substring match of DRF's SearchFilter.
/// </summary>
internal sealed partial class CvatFakeRoutes(CvatFakeStore store, CvatFakeWebhookSender sender)
{
    /// <summary>The version <c>GET /api/server/about</c> reports.</summary>
    public const string Version = "2.x-contract-fake";

    /// <summary>Maps every route on <paramref name="app"/>.</summary>
    public void Map(WebApplication app)
    {
        app.MapGet("/api/server/about", () => CvatFakeErrors.Json(new JsonObject
        {
            ["name"] = "Computer Vision Annotation Tool",
            ["description"] = "Contract fake of a CVAT server, for tests; not CVAT.",
            ["version"] = Version,
        }));
        app.MapGet("/api/users/self", () => CvatFakeErrors.Json(SelfJson()));
        MapProjects(app);
        MapTasks(app);
        MapData(app);
        MapJobs(app);
        MapAnnotations(app);
        MapWebhooks(app);
        app.MapFallback(() => CvatFakeErrors.NotFound());
    }

    /// <summary>The request's JSON object body (empty: <c>{}</c>), or the 400/415 DRF answers instead.</summary>
    private static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string text = await reader.ReadToEndAsync(context.RequestAborted);
        if (text.Length == 0)
        {
            return ([], null);
        }

        string? contentType = context.Request.ContentType;
        if (contentType is null || !(contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, CvatFakeErrors.UnsupportedMediaType(contentType));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            return (null, CvatFakeErrors.Detail(StatusCodes.Status400BadRequest, $"JSON parse error - {ex.Message}"));
        }

        return node is JsonObject body ? (body, null) : (null, CvatFakeErrors.Invalid(CvatFakeFields.NotADictionary(node)));
    }

    /// <summary>An integer query filter (absent: null), or django-filter's 400 for a non-number.</summary>
    private static bool TryFilter(HttpContext context, string name, out long? value, out IResult? error)
    {
        value = null;
        error = null;
        string text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
        {
            error = CvatFakeErrors.Field(name, "Enter a number.");
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The rows matching the request's equality filters on string fields and its <c>search</c> on <c>name</c>.</summary>
    private static IEnumerable<JsonObject> Matching(HttpContext context, IEnumerable<JsonObject> rows, params string[] stringFilters)
    {
        foreach (string filter in stringFilters)
        {
            string wanted = context.Request.Query[filter].ToString();
            if (wanted.Length > 0)
            {
                rows = rows.Where(r => (string?)r[filter] == wanted);
            }
        }

        string search = context.Request.Query["search"].ToString();
        return search.Length > 0 ? rows.Where(r => ((string?)r["name"] ?? "").Contains(search, StringComparison.OrdinalIgnoreCase)) : rows;
    }

    /// <summary>The rows whose <paramref name="field"/> equals the filter, when the filter was given.</summary>
    private static IEnumerable<JsonObject> Where(IEnumerable<JsonObject> rows, string field, long? value) =>
        value is long v ? rows.Where(r => (long?)r[field] == v) : rows;

    private static List<JsonObject> NewestFirst(IEnumerable<JsonObject> rows) => [.. rows.OrderByDescending(r => (long)r["id"]!)];

    // UserSerializer for the token's user.
    private JsonObject SelfJson()
    {
        var user = store.TokenUser;
        return new JsonObject
        {
            ["url"] = new Uri(store.BaseUrl, $"api/users/{user.Id}").ToString(),
            ["id"] = user.Id,
            ["username"] = user.Username,
            ["first_name"] = "",
            ["last_name"] = "",
            ["email"] = "",
            ["groups"] = new JsonArray("user"),
            ["is_staff"] = false,
            ["is_superuser"] = false,
            ["is_active"] = true,
            ["last_login"] = null,
            ["date_joined"] = "2026-01-01T00:00:00Z",
        };
    }
}
