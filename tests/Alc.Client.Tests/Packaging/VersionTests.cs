using Alc.Engine.Server.Tests.Packaging;

namespace Alc.Client.Tests.Packaging;

/// <summary><c>alc-engine --version</c> and <c>alc --version</c>, run as the built executables, print Directory.Build.props' version.</summary>
public sealed class VersionTests
{
    [Theory]
    [InlineData("alc-engine.dll")]
    [InlineData("alc.dll")]
    public async Task The_version_option_prints_the_Directory_Build_props_version(string executable)
    {
        var (exit, output) = await DotnetCommand.Run(AppContext.BaseDirectory, [Path.Combine(AppContext.BaseDirectory, executable), "--version"], timeout: TimeSpan.FromMinutes(1));
        Assert.Equal(0, exit);
        Assert.True(ProjectVersion.IsPrinted(output), $"{executable} --version printed '{output.Trim()}', not {ProjectVersion.Value}[+commit]");
    }

    [Fact]
    public void The_printed_form_is_the_version_then_at_most_a_commit()
    {
        Assert.True(ProjectVersion.IsPrinted($"{ProjectVersion.Value}\n"));
        Assert.True(ProjectVersion.IsPrinted($"{ProjectVersion.Value}+a0edcc7b9ca2dcb438969b293579eeeb355b3421"));
        Assert.False(ProjectVersion.IsPrinted($"{ProjectVersion.Value}1"));
        Assert.False(ProjectVersion.IsPrinted("0.0.0-other"));
    }
}
