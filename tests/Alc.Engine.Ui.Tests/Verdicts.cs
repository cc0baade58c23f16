using System.Net.Http.Json;
using Alc.Core.Maps;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;
using Alc.Imaging.Maps;

namespace Alc.Engine.Ui.Tests;

/// <summary>What the browser answered, checked against what the engine stored: metrics (clicks, bits, corrections per class) and D_t at each queried pixel.</summary>
internal sealed class Verdicts(HttpClient client, long projectId, IReadOnlyList<ClassDto> classes)
{
    private readonly Dictionary<long, (string Verdict, int? Label)> _given = [];

    public IReadOnlyDictionary<long, (string Verdict, int? Label)> Given => _given;

    public void Record(long queryId, string verdict, int? label = null) => _given[queryId] = (verdict, label);

    /// <summary>Asserts the engine stored exactly the recorded verdicts and labels, each once.</summary>
    public async Task AssertStored(int round = 1)
    {
        var metrics = await client.Get<ProjectMetricsDto>($"/projects/{projectId}/metrics");
        var r = metrics.Rounds.Single(m => m.Round == round);
        Assert.Equal(_given.Count, r.Clicks);
        var corrections = _given.Values.Where(v => v.Verdict == "correct").GroupBy(v => classes[v.Label!.Value].Name)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(corrections.OrderBy(p => p.Key, StringComparer.Ordinal), r.CorrectionsPerClass.OrderBy(p => p.Key, StringComparer.Ordinal));
        double bits = _given.Values.Sum(v => v.Verdict == "correct" ? Math.Log2(classes.Count) : 1.0);
        Assert.Equal(bits, r.Bits, 6);
        foreach (var (queryId, (verdict, label)) in _given)
        {
            var query = await client.Get<QueryDto>($"/queries/{queryId}");
            Assert.True(query.Answered, $"query {queryId} is not answered");
            using var png = await client.GetStreamAsync($"/projects/{projectId}/images/{query.ImageId}/labels.png");
            var labels = LabelMapFile.Read(png, "labels.png", classes.Count);
            int expected = verdict == "correct" ? label!.Value : query.ShownLabel;
            Assert.True(labels[(query.Y * labels.Width) + query.X] == expected,
                $"query {queryId} ({verdict} {label}): D_t has {labels[(query.Y * labels.Width) + query.X]} at ({query.X}, {query.Y}), expected {expected}");
        }
    }
}
