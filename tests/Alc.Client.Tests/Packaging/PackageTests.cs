using System.IO.Compression;
using System.Xml.Linq;
using Alc.Client.Tests.Readme;
using Alc.Engine.Server.Tests;
using Alc.Engine.Server.Tests.Packaging;

namespace Alc.Client.Tests.Packaging;

/// <summary>
/// The two NuGet packages as <c>dotnet pack</c> makes them from the repository (docs/packaging.md): Alc.Client, the
/// SDK with its readme, XML docs and symbol package, and Alc.Cli, the .NET tool that installs the command <c>alc</c>.
/// The tool is installed from the packed folder alone, into a scratch tool path and package cache, and run.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task The_SDK_and_the_tool_pack_with_licence_readme_and_version_and_the_tool_installs_and_prints_it()
    {
        string packages = Path.Combine(_scratch.Root, "packages");
        foreach (string project in new[] { "clients/Alc.Client", "clients/Alc.Cli" })
        {
            var (exit, log) = await DotnetCommand.Run(Repository.Root, ["pack", project, "-c", "Release", "-o", packages], timeout: TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"dotnet pack {project} failed ({exit}):\n{log}");
        }

        string version = ProjectVersion.Value;
        using (var sdk = ZipFile.OpenRead(Path.Combine(packages, $"Alc.Client.{version}.nupkg")))
        {
            var metadata = Metadata(sdk, "Alc.Client.nuspec");
            Assert.Equal(version, Value(metadata, "version"));
            Assert.Equal(("expression", "MIT"), ((string?)Element(metadata, "license").Attribute("type"), Value(metadata, "license")));
            Assert.Equal("README.md", Value(metadata, "readme"));
            Assert.Contains(Element(metadata, "dependencies").Descendants(), d => d.Name.LocalName == "dependency" && (string?)d.Attribute("id") == "Refit");
            Assert.All(new[] { "README.md", "lib/net10.0/Alc.Client.dll", "lib/net10.0/Alc.Client.xml" }, entry => Assert.NotNull(sdk.GetEntry(entry)));
        }

        using (var symbols = ZipFile.OpenRead(Path.Combine(packages, $"Alc.Client.{version}.snupkg")))
        {
            Assert.NotNull(symbols.GetEntry("lib/net10.0/Alc.Client.pdb"));
        }

        using (var tool = ZipFile.OpenRead(Path.Combine(packages, $"Alc.Cli.{version}.nupkg")))
        {
            var metadata = Metadata(tool, "Alc.Cli.nuspec");
            Assert.Equal(version, Value(metadata, "version"));
            Assert.Equal("MIT", Value(metadata, "license"));
            Assert.Equal("DotnetTool", (string?)Element(metadata, "packageTypes").Elements().Single().Attribute("name"));
            var settings = tool.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            using var stream = settings.Open();
            var command = XDocument.Load(stream).Descendants("Command").Single();
            Assert.Equal(("alc", "alc.dll"), ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint")));
            using var deps = tool.Entries.Single(e => e.FullName.EndsWith("/alc.deps.json", StringComparison.Ordinal)).Open();
            Assert.Empty(LicenceList.Unlisted(deps, Repository.Root));
        }

        // Installed from the packed folder alone (no other feed, a scratch cache) so a stale or foreign Alc.Cli cannot stand in.
        string config = Path.Combine(_scratch.Root, "nuget.config");
        File.WriteAllText(config, $"<configuration><packageSources><clear /><add key=\"packed\" value=\"{packages}\" /></packageSources></configuration>");
        string tools = Path.Combine(_scratch.Root, "tools");
        var cache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_scratch.Root, "nuget") };
        var (installed, installLog) = await DotnetCommand.Run(_scratch.Root, ["tool", "install", "--tool-path", tools, "--configfile", config, "Alc.Cli", "--version", version], cache, TimeSpan.FromMinutes(2));
        Assert.True(installed == 0, $"dotnet tool install Alc.Cli failed ({installed}):\n{installLog}");
        var (exit2, printed) = await DotnetCommand.Program(Path.Combine(tools, "alc"), _scratch.Root, ["--version"], timeout: TimeSpan.FromMinutes(1));
        Assert.Equal(0, exit2);
        Assert.True(ProjectVersion.IsPrinted(printed), $"the installed alc --version printed '{printed.Trim()}', not {version}[+commit]");
    }

    [Fact]
    public void The_package_readme_example_compiles_against_the_SDK()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "clients", "Alc.Client", "README.md"));
        SnippetCompiler.Compile(ReadmeBlocks.Extract(readme, "csharp"));
    }

    public void Dispose() => _scratch.Dispose();

    private static XElement Metadata(ZipArchive package, string nuspec)
    {
        using var stream = package.GetEntry(nuspec)!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;
}
