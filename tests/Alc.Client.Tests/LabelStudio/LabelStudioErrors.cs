using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alc.Client.Tests.LabelStudio;

/// <summary>
/// Error answers shaped like Label Studio's: Django REST framework's <c>{"detail": …}</c> for authentication and missing
/// objects, and Label Studio's exception handler's <c>{"status_code", "detail": "Validation error", "validation_errors"}</c> for 400s.
/// </summary>
internal static class LabelStudioErrors
{
    /// <summary>401 <c>{"detail": …}</c>.</summary>
    public static IResult Unauthorized(string detail) => Results.Json(new JsonObject { ["detail"] = detail }, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>404 <c>{"detail": "Not found."}</c>.</summary>
    public static IResult NotFound() => Results.Json(new JsonObject { ["detail"] = "Not found." }, statusCode: StatusCodes.Status404NotFound);

    /// <summary>400 with one field's messages under <c>validation_errors</c>.</summary>
    public static IResult Invalid(string field, params string[] messages) => Invalid(new JsonObject { [field] = new JsonArray(messages.Select(m => (JsonNode?)m).ToArray()) });

    /// <summary>400 with <paramref name="errors"/> as <c>validation_errors</c>.</summary>
    public static IResult Invalid(JsonObject errors) => Results.Json(new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["status_code"] = 400,
        ["version"] = "contract-fake",
        ["detail"] = "Validation error",
        ["exc_info"] = null,
        ["validation_errors"] = errors,
    }, statusCode: StatusCodes.Status400BadRequest);
}
