namespace Alc.Engine.Server.Tests.Packaging;

/// <summary>
/// The Dockerfile's build stage replayed without Docker, on this machine's SDK: WORKDIR is a scratch folder, the COPY
/// lines before <c>dotnet restore</c> copy only the files they name, the restore runs on that alone (as its cached
/// layer would), then <c>COPY . .</c> brings the context less <c>.dockerignore</c>, and <c>dotnet publish</c> runs
/// with the RUN line's own words. Only its output folder changes, from <c>/app</c> to a scratch folder.
/// </summary>
internal static class DockerBuildStage
{
    /// <summary>The stage's name in the Dockerfile (<c>FROM … AS build</c>).</summary>
    public const string Name = "build";

    /// <summary>The publish output folder in the image, which the runtime stage copies.</summary>
    public const string ImageOutput = "/app";

    /// <summary>This machine's NuGet package folder, which stands for the stage's <c>NUGET_PACKAGES</c>.</summary>
    public static string LocalPackages { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Replays the stage in <paramref name="scratch"/>; returns the folder that stands for <c>/app</c>.</summary>
    public static async Task<string> Publish(DockerfileText dockerfile, DockerContext context, string scratch)
    {
        string workdir = Path.Combine(scratch, "src");
        string output = Path.Combine(scratch, "app");
        Assert.Equal("/src", dockerfile.Single(Name, "WORKDIR").Arguments);
        var stage = dockerfile.Stage(Name);
        var environment = dockerfile.Environment(Name).ToDictionary();
        Assert.True(environment.ContainsKey("NUGET_PACKAGES"), "the build stage names its NuGet package folder");
        environment["NUGET_PACKAGES"] = LocalPackages;
        int restoreAt = IndexOfRun(stage, "dotnet restore");
        int publishAt = IndexOfRun(stage, "dotnet publish");
        Assert.True(restoreAt < publishAt, "the restore runs before the publish");

        foreach (var copy in stage.Take(restoreAt).Where(i => i.Keyword == "COPY"))
        {
            CopyNamedFiles(context, copy.Arguments, workdir);
        }

        await Run(workdir, dockerfile.RunWords(Name, "dotnet restore"), environment, "restore, with only the files copied before it");

        var between = stage.Skip(restoreAt + 1).Take(publishAt - restoreAt - 1).Where(i => i.Keyword == "COPY").ToList();
        Assert.Equal(". .", Assert.Single(between).Arguments);
        context.Copy(".", workdir);

        var publish = dockerfile.RunWords(Name, "dotnet publish").ToList();
        int o = publish.IndexOf("-o");
        Assert.True(o > 0 && publish[o + 1] == ImageOutput, $"the publish writes to {ImageOutput} with -o: {string.Join(' ', publish)}");
        publish[o + 1] = output;
        await Run(workdir, publish, environment, "publish");
        return output;
    }

    private static int IndexOfRun(IReadOnlyList<DockerInstruction> stage, string command) =>
        stage.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith(command + " ", StringComparison.Ordinal));

    // COPY a b … destination/: each source is a file of the context (no globs, no folders), the destination relative to WORKDIR.
    private static void CopyNamedFiles(DockerContext context, string arguments, string workdir)
    {
        string[] words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string destination = Path.GetFullPath(Path.Combine(workdir, words[^1]));
        Assert.True(words[^1].EndsWith('/'), $"COPY {arguments}: the destination is a folder (ends with /)");
        foreach (string source in words[..^1])
        {
            Assert.True(File.Exists(Path.Combine(context.Root, source)), $"COPY {arguments}: {source} is not a file of the repository");
            Assert.False(context.IsExcluded(source), $"COPY {arguments}: .dockerignore excludes {source}");
            context.Copy(source, Path.Combine(destination, Path.GetFileName(source)));
        }
    }

    private static async Task Run(string workdir, IReadOnlyList<string> words, IReadOnlyDictionary<string, string> environment, string what)
    {
        Assert.Equal("dotnet", words[0]);
        var (exit, output) = await DotnetCommand.Run(workdir, words.Skip(1), environment, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"the Dockerfile's {what} failed ({exit}): {string.Join(' ', words)}\n{output}");
    }
}
