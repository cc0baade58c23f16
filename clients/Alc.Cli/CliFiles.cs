namespace Alc.Cli;

/// <summary>Files the CLI writes from the engine's responses.</summary>
internal static class CliFiles
{
    /// <summary>
    /// Writes <paramref name="response"/>'s body to <paramref name="file"/> through a <c>.partial</c> file moved into place at
    /// the end, so an interrupted download never leaves a truncated file under the name asked for.
    /// </summary>
    public static async Task WriteAsync(HttpResponseMessage response, FileInfo file, CancellationToken cancellationToken)
    {
        string temporary = file.FullName + ".partial";
        await using (var target = File.Create(temporary))
        {
            await response.Content.CopyToAsync(target, cancellationToken);
        }

        File.Move(temporary, file.FullName, overwrite: true);
    }
}
