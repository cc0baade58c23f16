using System.Text.Json;

namespace Alc.Bench;

/// <summary>
/// Joins the results.json of bench runs made separately — one per seed or per strategy, so a long benchmark can run in
/// pieces and a piece that fails costs only itself — into one result, refusing pieces that were not run alike.
/// </summary>
public static class BenchMerge
{
    /// <summary>
    /// The runs of every piece in one result: the configuration of the first with the union of the seeds and the sum of
    /// the wall times; runs ordered as one bench orders them: by seed, then strategies in order of first appearance.
    /// </summary>
    /// <exception cref="ArgumentException">No piece; pieces of different datasets or settings; a (strategy, seed) run twice.</exception>
    public static BenchResults Merge(IReadOnlyList<BenchResults> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        if (pieces.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: give at least one results.json.");
        }

        var first = pieces[0];
        var alike = Settings(first);
        for (int i = 1; i < pieces.Count; i++)
        {
            if (pieces[i].Dataset != first.Dataset)
            {
                throw new ArgumentException($"Result {i + 1} is of dataset {pieces[i].Dataset}, result 1 of {first.Dataset}: only runs of one dataset merge.");
            }

            var differing = Settings(pieces[i]).Where(kv => alike[kv.Key] != kv.Value).Select(kv => $"{kv.Key} {kv.Value} vs {alike[kv.Key]}").ToList();
            if (differing.Count > 0)
            {
                throw new ArgumentException($"Result {i + 1} was run with other settings than result 1 ({string.Join(", ", differing)}): only runs alike merge.");
            }
        }

        var runs = pieces.SelectMany(p => p.Runs).ToList();
        var twice = runs.GroupBy(r => (r.Acquisition, r.Seed)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"'{twice.Key.Acquisition}' with seed {twice.Key.Seed} is in more than one result.");
        }

        var order = runs.Select(r => r.Acquisition).Distinct().Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        return new BenchResults
        {
            Dataset = first.Dataset,
            Config = first.Config with
            {
                Seeds = [.. pieces.SelectMany(p => p.Config.Seeds).Distinct().Order()],
                WallSeconds = Math.Round(pieces.Sum(p => p.Config.WallSeconds), 1),
            },
            Runs = [.. runs.OrderBy(r => r.Seed).ThenBy(r => order[r.Acquisition])],
        };
    }

    // Every setting but the seeds and the wall time, by its results.json name, must agree.
    private static Dictionary<string, string> Settings(BenchResults results) =>
        JsonSerializer.SerializeToElement(results.Config).EnumerateObject()
            .Where(p => p.Name is not ("seeds" or "wallSeconds"))
            .ToDictionary(p => p.Name, p => p.Value.GetRawText());
}
