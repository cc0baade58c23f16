using Alc.Core.Maps;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Maps;

namespace Alc.Engine.Server.Tests;

/// <summary>Answers queries the way a careful annotator would: from the ground truth the engine serves.</summary>
internal sealed class GroundTruth(HttpClient client, long datasetId, int classCount)
{
    // Shared by concurrent annotators in the crash test.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, LabelMap> _maps = new();

    public async Task<LabelMap> Map(long imageId, string source = "gt", long? projectId = null)
    {
        if (source == "gt" && projectId is null && _maps.TryGetValue(imageId, out var cached))
        {
            return cached;
        }

        string path = projectId is long p ? $"/projects/{p}/images/{imageId}/labels.png" : $"/datasets/{datasetId}/images/{imageId}/labels.png?source={source}";
        var response = await client.GetAsync(path);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var map = LabelMapFile.Read(stream, path, classCount);
        if (source == "gt" && projectId is null)
        {
            _maps[imageId] = map;
        }

        return map;
    }

    public async Task<AnswerItem> Answer(QueryDto query)
    {
        var map = await Map(query.ImageId);
        int truth = map[(query.Y * map.Width) + query.X];
        return truth == query.ShownLabel
            ? new AnswerItem { QueryId = query.Id, Verdict = Verdict.Confirm, ElapsedMs = 1500 }
            : new AnswerItem { QueryId = query.Id, Verdict = Verdict.Correct, Label = truth, ElapsedMs = 4000 };
    }
}
