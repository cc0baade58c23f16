using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alc.Engine.Server.Apis;

/// <summary>A stored photo typed by its bytes: JPEG when it starts with the JPEG marker, PNG otherwise (the two formats the engine stores).</summary>
internal static class PhotoResponse
{
    /// <summary>The photo as a response with its content type.</summary>
    public static FileContentHttpResult Of(byte[] bytes) => TypedResults.File(bytes, IsJpeg(bytes) ? "image/jpeg" : "image/png");

    /// <summary>The file extension the photo is written with (<c>.jpg</c> or <c>.png</c>).</summary>
    public static string Extension(byte[] bytes) => IsJpeg(bytes) ? ".jpg" : ".png";

    private static bool IsJpeg(byte[] bytes) => bytes.Length > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;
}
