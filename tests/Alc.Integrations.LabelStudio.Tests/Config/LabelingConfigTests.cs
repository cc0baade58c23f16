using System.Xml.Linq;
using Alc.Core;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Tests.Config;

/// <summary>The labeling config generated from a dataset's classes: the exact XML, escaping, and rejected class lists.</summary>
public sealed class LabelingConfigTests
{
    [Fact]
    public void ThreeClassesGiveTheExactConfig()
    {
        ClassInfo[] classes = [new(2, "car", "#0000ff"), new(0, "road", "#804080"), new(1, "person", "#dc143c")];

        const string expected = """
            <View>
              <Image name="image" value="$image" zoom="true" />
              <KeyPointLabels name="query_point" toName="image">
                <Label value="road" background="#804080" />
                <Label value="person" background="#dc143c" />
                <Label value="car" background="#0000ff" />
              </KeyPointLabels>
              <BrushLabels name="query_region" toName="image">
                <Label value="query region" background="#ffd70066" />
              </BrushLabels>
              <Choices name="verdict" toName="image" choice="single" required="true">
                <Choice value="confirm" />
                <Choice value="wrong" />
                <Choice value="unsure" />
              </Choices>
              <Choices name="true_label" toName="image" choice="single" visibleWhen="choice-selected" whenTagName="verdict" whenChoiceValue="wrong">
                <Choice value="road" />
                <Choice value="person" />
                <Choice value="car" />
              </Choices>
            </View>

            """;
        Assert.Equal(expected, LabelingConfig.Generate(classes));
    }

    [Fact]
    public void ClassNamesAreEscapedAndReadBackUnchanged()
    {
        string[] names = ["a<b>", "\"quoted\" & 'single'", "tab\tand\nnewline", "naïve 🚗"];
        ClassInfo[] classes = [.. names.Select((n, i) => new ClassInfo(i, n, "#000000"))];

        string xml = LabelingConfig.Generate(classes);

        Assert.Contains("value=\"a&lt;b&gt;\"", xml, StringComparison.Ordinal);
        Assert.Contains("value=\"&quot;quoted&quot; &amp; 'single'\"", xml, StringComparison.Ordinal);
        Assert.Contains("value=\"tab&#x9;and&#xA;newline\"", xml, StringComparison.Ordinal);
        var parsed = XDocument.Parse(xml);
        Assert.Equal(names, parsed.Root!.Element("KeyPointLabels")!.Elements("Label").Select(l => (string?)l.Attribute("value")));
        Assert.Equal(names, parsed.Descendants("Choices").Last().Elements("Choice").Select(c => (string?)c.Attribute("value")));
    }

    [Fact]
    public void TheTagNamesAreTheOnesLabelingConfigNamesGives()
    {
        var view = XDocument.Parse(LabelingConfig.Generate([new ClassInfo(0, "x", "#112233")])).Root!;
        Assert.Equal(LabelingConfigNames.Image, (string?)view.Element("Image")!.Attribute("name"));
        Assert.Equal(LabelingConfigNames.QueryPoint, (string?)view.Element("KeyPointLabels")!.Attribute("name"));
        XElement brush = view.Element("BrushLabels")!;
        Assert.Equal(LabelingConfigNames.QueryRegion, (string?)brush.Attribute("name"));
        Assert.Equal(LabelingConfigNames.Image, (string?)brush.Attribute("toName"));
        Assert.Equal([LabelingConfigNames.QueryRegionLabel], brush.Elements("Label").Select(l => (string?)l.Attribute("value")));
        Assert.Equal(
            [LabelingConfigNames.Verdict, LabelingConfigNames.TrueLabel],
            view.Elements("Choices").Select(c => (string?)c.Attribute("name")));
    }

    [Fact]
    public void NoClassesABlankNameOrADuplicateAreRejected()
    {
        Assert.Throws<ArgumentException>(() => LabelingConfig.Generate([]));
        Assert.Throws<ArgumentException>(() => LabelingConfig.Generate([new ClassInfo(0, " ", "#000000")]));
        var e = Assert.Throws<ArgumentException>(() =>
            LabelingConfig.Generate([new ClassInfo(0, "road", "#000000"), new ClassInfo(1, "road", "#111111")]));
        Assert.Contains("\"road\" appears twice", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() =>
            LabelingConfig.Generate([new ClassInfo(0, "a", "#000000"), new ClassInfo(0, "b", "#111111")]));
    }
}
