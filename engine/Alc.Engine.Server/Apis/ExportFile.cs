using Microsoft.AspNetCore.Http;

namespace Alc.Engine.Server.Apis;

/// <summary>Answers an export written to a temporary file: the bytes go out and the file is removed.</summary>
internal static class ExportFile
{
    /// <summary>The export as a file response.</summary>
    public static IResult Of((string Path, string ContentType, string FileName) file)
    {
        byte[] bytes = File.ReadAllBytes(file.Path);
        File.Delete(file.Path);
        return TypedResults.File(bytes, file.ContentType, file.FileName);
    }
}
