using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Apis;

/// <summary>Upload limits per file (the whole body is limited by the pipeline before binding).</summary>
internal static class Uploads
{
    public static IFormFile RequireWithinLimit(IFormFile file, EngineOptions options) =>
        file.Length > options.MaxUploadBytes ? throw ApiProblemException.TooLarge(options.MaxUploadBytes) : file;
}
