using System.Text.Json;

namespace Alc.Engine.Server.Tests.Packaging;

/// <summary>One instruction of a Dockerfile: its stage (the <c>FROM … AS name</c> it follows), keyword and argument text.</summary>
internal sealed record DockerInstruction(string Stage, string Keyword, string Arguments)
{
    /// <summary>The arguments of an exec-form (JSON array) instruction such as ENTRYPOINT, CMD or HEALTHCHECK's CMD.</summary>
    public IReadOnlyList<string> ExecForm(string text) =>
        JsonSerializer.Deserialize<string[]>(text) ?? throw new InvalidOperationException($"{Keyword}: not a JSON array: {text}");
}

/// <summary>
/// The repository's Dockerfile read the way the test needs it: comments and blank lines dropped, backslash line
/// continuations joined, each instruction tagged with its stage. It reads no syntax beyond that file's: no ARG
/// substitution, no heredocs. An instruction it would misread fails the test rather than being guessed.
/// </summary>
internal sealed class DockerfileText
{
    private DockerfileText(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    /// <summary>Every instruction, in order.</summary>
    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static DockerfileText Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        string stage = "";
        string pending = "";
        foreach (string raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue; // Docker drops comment lines, also inside a continued instruction.
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].TrimEnd() + " ";
                continue;
            }

            string whole = pending + line;
            pending = "";
            int space = whole.IndexOf(' ', StringComparison.Ordinal);
            string keyword = whole[..space].ToUpperInvariant();
            string arguments = whole[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                string[] words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stage = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : throw new InvalidOperationException($"FROM without AS name: {whole}");
            }

            instructions.Add(new DockerInstruction(stage, keyword, arguments));
        }

        return new DockerfileText(instructions);
    }

    /// <summary>The instructions of stage <paramref name="stage"/> after its FROM.</summary>
    public IReadOnlyList<DockerInstruction> Stage(string stage) => Instructions.Where(i => i.Stage == stage && i.Keyword != "FROM").ToList();

    /// <summary>The one instruction <paramref name="keyword"/> of <paramref name="stage"/>.</summary>
    public DockerInstruction Single(string stage, string keyword) => Stage(stage).Single(i => i.Keyword == keyword);

    /// <summary>The one RUN of <paramref name="stage"/> whose command starts with <paramref name="command"/>, as words.</summary>
    public IReadOnlyList<string> RunWords(string stage, string command)
    {
        var run = Stage(stage).Single(i => i.Keyword == "RUN" && i.Arguments.StartsWith(command + " ", StringComparison.Ordinal));
        if (run.Arguments.IndexOfAny(['"', '\'', '$', '&', ';', '|', '`']) >= 0)
        {
            throw new InvalidOperationException($"RUN {run.Arguments}: quotes, variables or more than one command; the test runs its words as arguments and cannot.");
        }

        return run.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The variables the ENV instructions of <paramref name="stage"/> set (<c>KEY=value</c> pairs; an empty value stays empty).</summary>
    public IReadOnlyDictionary<string, string> Environment(string stage)
    {
        var variables = new Dictionary<string, string>();
        foreach (var env in Stage(stage).Where(i => i.Keyword == "ENV"))
        {
            foreach (string pair in env.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || pair.Contains('"', StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"ENV {env.Arguments}: only unquoted KEY=value pairs are read here.");
                }

                variables[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        return variables;
    }
}
