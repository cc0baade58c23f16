using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Django REST framework's PageNumberPagination as CVAT configures it: <c>{"count", "next", "previous", "results"}</c>,
/// <c>page</c> (from 1) and <c>page_size</c> query parameters, 10 per page by default, 404 <c>{"detail": "Invalid page."}</c>
/// past the end. <c>next</c> and <c>previous</c> are absolute URLs built from the request (its Host header) the way DRF's
/// <c>replace_query_param</c>/<c>remove_query_param</c> build them: the query re-encoded with its keys sorted, the
/// previous page of page 2 without any <c>page</c> parameter.
/// </summary>
internal static class CvatFakePagination
{
    /// <summary>CVAT's default page size.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The page of <paramref name="rows"/> the request asks for.</summary>
    public static IResult Page(HttpContext context, IReadOnlyList<JsonObject> rows)
    {
        var query = context.Request.Query;
        int size = int.TryParse(query["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out int asked) && asked > 0 ? asked : DefaultPageSize;
        int page = 1;
        string pageText = query["page"].ToString();
        int pages = Math.Max(1, (rows.Count + size - 1) / size);
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > pages))
        {
            return CvatFakeErrors.Detail(StatusCodes.Status404NotFound, "Invalid page.");
        }

        return CvatFakeErrors.Json(new JsonObject
        {
            ["count"] = rows.Count,
            ["next"] = page < pages ? Link(context.Request, page + 1) : null,
            ["previous"] = page > 1 ? Link(context.Request, page - 1 == 1 ? null : page - 1) : null,
            ["results"] = new JsonArray([.. rows.Skip((page - 1) * size).Take(size).Select(r => (JsonNode?)r)]),
        });
    }

    // parse_qs(keep_blank_values=True), set or drop "page", urlencode(sorted(...), doseq=True).
    private static string Link(HttpRequest request, int? page)
    {
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string pair in (request.QueryString.Value ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            string key = Unquote(parts[0]);
            if (!parameters.TryGetValue(key, out var values))
            {
                parameters[key] = values = [];
            }

            values.Add(parts.Length > 1 ? Unquote(parts[1]) : "");
        }

        parameters.Remove("page");
        if (page is int p)
        {
            parameters["page"] = [p.ToString(CultureInfo.InvariantCulture)];
        }

        string encoded = string.Join('&', parameters.SelectMany(kv => kv.Value.Select(v => $"{QuotePlus(kv.Key)}={QuotePlus(v)}")));
        string path = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        return encoded.Length > 0 ? $"{path}?{encoded}" : path;
    }

    private static string Unquote(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    // urllib.parse.quote_plus: letters, digits and _.-~ stay, space becomes +, every other UTF-8 byte %XX.
    private static string QuotePlus(string text)
    {
        var quoted = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~')
            {
                quoted.Append(c);
            }
            else if (c == ' ')
            {
                quoted.Append('+');
            }
            else
            {
                quoted.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return quoted.ToString();
    }
}
