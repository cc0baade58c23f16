using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Apis;

/// <summary>Documents a 200 whose body is a file or a stream (a binary string in OpenAPI), so generated clients read raw bytes.</summary>
internal static class FileResponses
{
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType, params string[] more) =>
        builder.Produces<Stream>(StatusCodes.Status200OK, contentType, more);
}
