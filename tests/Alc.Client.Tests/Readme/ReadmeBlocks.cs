namespace Alc.Client.Tests.Readme;

/// <summary>
/// The README's tested code blocks: a fenced block directly preceded by a <c>&lt;!-- readme-test: NAME --&gt;</c> line.
/// A marker that is missing, or not followed by a fence, is an error, so removing a block from the test fails it.
/// </summary>
internal static class ReadmeBlocks
{
    /// <summary>The code inside the fence that follows the marker <paramref name="name"/> in <paramref name="markdown"/>.</summary>
    public static string Extract(string markdown, string name)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        string marker = $"<!-- readme-test: {name} -->";
        int at = Array.FindIndex(lines, l => l.Trim() == marker);
        if (at < 0)
        {
            throw new InvalidOperationException($"README.md has no '{marker}' line.");
        }

        if (at + 1 >= lines.Length || !lines[at + 1].StartsWith("```", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{marker}' is not followed by a fenced code block.");
        }

        int end = Array.FindIndex(lines, at + 2, l => l.StartsWith("```", StringComparison.Ordinal));
        if (end < 0)
        {
            throw new InvalidOperationException($"The block after '{marker}' is not closed.");
        }

        return string.Join("\n", lines[(at + 2)..end]) + "\n";
    }
}
