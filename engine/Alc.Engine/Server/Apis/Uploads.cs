using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Apis;

/// <summary>Upload limits: a request that declares more than the limit is refused before its body is read.</summary>
internal static class Uploads
{
    public static void RequireWithinLimit(HttpRequest request, EngineOptions options)
    {
        if (request.ContentLength is long length && length > options.MaxUploadBytes)
        {
            throw ApiProblemException.TooLarge(options.MaxUploadBytes);
        }
    }

    public static IFormFile Require(IFormFile? file, string field) =>
        file ?? throw ApiProblemException.BadRequest($"The multipart form needs a file field '{field}'.");

    public static IFormFile RequireWithinLimit(IFormFile file, EngineOptions options) =>
        file.Length > options.MaxUploadBytes ? throw ApiProblemException.TooLarge(options.MaxUploadBytes) : file;
}
