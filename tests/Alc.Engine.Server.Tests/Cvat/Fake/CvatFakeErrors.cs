using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Answers in Django REST framework's shapes, rendered as DRF's JSONRenderer renders them (<see cref="PythonJson.DumpsCompact"/>):
/// <c>{"detail": …}</c> for 401, 404 and 415; serializer field errors <c>{"field": ["message"]}</c> for 400; and a bare
/// list <c>["message"]</c> for the ValidationErrors CVAT raises while saving (outside a serializer's validate).
/// </summary>
internal static class CvatFakeErrors
{
    /// <summary>An answer with <paramref name="body"/> as DRF renders it.</summary>
    public static IResult Json(JsonNode? body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(PythonJson.DumpsCompact(body), "application/json", Encoding.UTF8, statusCode);

    /// <summary><c>{"detail": …}</c> with <paramref name="statusCode"/>.</summary>
    public static IResult Detail(int statusCode, string detail) => Json(new JsonObject { ["detail"] = detail }, statusCode);

    /// <summary>404 <c>{"detail": "Not found."}</c>.</summary>
    public static IResult NotFound() => Detail(StatusCodes.Status404NotFound, "Not found.");

    /// <summary>400 with serializer field errors.</summary>
    public static IResult Invalid(JsonNode errors) => Json(errors, StatusCodes.Status400BadRequest);

    /// <summary>400 <c>{"field": ["message"]}</c>.</summary>
    public static IResult Field(string field, string message) => Invalid(new JsonObject { [field] = new JsonArray(message) });

    /// <summary>400 <c>["message", …]</c>, a ValidationError raised while saving.</summary>
    public static IResult Messages(IEnumerable<string> messages) => Invalid(new JsonArray([.. messages.Select(m => (JsonNode?)m)]));

    /// <summary>415 for a body DRF has no parser for.</summary>
    public static IResult UnsupportedMediaType(string? contentType) =>
        Detail(StatusCodes.Status415UnsupportedMediaType, $"Unsupported media type \"{contentType ?? ""}\" in request.");
}
