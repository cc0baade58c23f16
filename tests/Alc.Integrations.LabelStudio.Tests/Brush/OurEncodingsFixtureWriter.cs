using System.Text.Json;
using Alc.Integrations.LabelStudio.Brush;
using Alc.Integrations.LabelStudio.Tests.Support;

namespace Alc.Integrations.LabelStudio.Tests.Brush;

/// <summary>
/// Writes our encodings of <see cref="OurEncodingCases"/> to the path in <c>ALC_WRITE_OUR_ENCODINGS</c>, the input
/// <c>make-golden.mjs</c> decodes with rle-pack into <c>ours-decoded-by-rle-pack.json</c>. Without the variable
/// it writes nothing (CI); the committed fixture is what <see cref="BrushRleGoldenTests"/> checks.
/// </summary>
public sealed class OurEncodingsFixtureWriter
{
    /// <summary>The environment variable naming the file to write.</summary>
    public const string Variable = "ALC_WRITE_OUR_ENCODINGS";

    [Fact]
    public void WritesOurEncodingsForRlePackWhenAsked()
    {
        string? path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var cases = OurEncodingCases.All.Select(c => new { name = c.Name, width = c.Width, height = c.Height, rle = BrushRle.Encode(c.Mask, c.Width, c.Height) });
        File.WriteAllText(path, JsonSerializer.Serialize(new { generator = "Alc.Integrations.LabelStudio BrushRle.Encode", cases }, GoldenFixtures.Options) + "\n");
        Assert.True(File.Exists(path));
    }
}
