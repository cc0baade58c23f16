using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Alc.Client.Tests.Packaging;

/// <summary>The one version of the solution: the <c>&lt;Version&gt;</c> of Directory.Build.props, read as the file says it.</summary>
internal static partial class ProjectVersion
{
    /// <summary>The version, e.g. <c>0.9.0</c>.</summary>
    public static string Value { get; } = Read();

    /// <summary>Whether <paramref name="printed"/> is the version alone or followed by <c>+commit</c> (SourceLink's revision, where git is there).</summary>
    public static bool IsPrinted(string printed) => Printed().Match(printed.Trim()) is { Success: true } m && m.Groups["version"].Value == Value;

    private static string Read()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props"));
        string version = props.Descendants("Version").Single().Value.Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", version);
        return version;
    }

    [GeneratedRegex(@"^(?<version>[^+\s]+)(\+[0-9a-f]{7,40})?$")]
    private static partial Regex Printed();
}
