using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alc.Engine.Server.Apis;

/// <summary>A stored photo as a response, typed by its bytes: JPEG when it starts with the JPEG marker, PNG otherwise (the two formats the engine stores).</summary>
internal static class PhotoResponse
{
    public static FileContentHttpResult Of(byte[] bytes) =>
        TypedResults.File(bytes, bytes.Length > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? "image/jpeg" : "image/png");
}
