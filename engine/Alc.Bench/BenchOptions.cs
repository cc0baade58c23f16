using Alc.Campaigns;
using Alc.Core.Correction;
using Alc.Core.Oracle;
using Alc.Training;

namespace Alc.Bench;

/// <summary>Everything <c>alc-engine bench</c> runs: the dataset, the strategies, the seeds, the trainer and the oracle.</summary>
public sealed record BenchOptions
{
    /// <summary>The dataset folder (needs ground truth for the train and val splits).</summary>
    public required string Data { get; init; }

    /// <summary>How results.json names the dataset; null for <see cref="Data"/>'s path (a world written to a temporary folder names its preset).</summary>
    public string? DataName { get; init; }

    /// <summary>Output folder for results.json, report.md and the plots.</summary>
    public required string Output { get; init; }

    /// <summary>
    /// Strategies to compare, by name: an acquisition (with the diversified pool, expansion and <see cref="AutoCorrect"/>),
    /// an acquisition with <c>+lcm</c> (A²LC's automated correction whatever <see cref="AutoCorrect"/> says), or
    /// <c>default</c> (<see cref="CorrectionStrategy.Default"/>).
    /// </summary>
    public IReadOnlyList<string> Acquisitions { get; init; } = ["sim", "lcil", "softmin", "aiou", "margin", "random"];

    /// <summary>Also run the paper's Table 3 ablation rows.</summary>
    public bool Ablation { get; init; }

    /// <summary>Rounds after the warm start.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>B, queries per round.</summary>
    public int Budget { get; init; } = 100;

    /// <summary>Seeds; each seed trains its own warm start shared by all strategies.</summary>
    public IReadOnlyList<long> Seeds { get; init; } = [1, 2, 3];

    /// <summary>ε of eq. 12.</summary>
    public double Epsilon { get; init; }

    /// <summary>Oracle mode and error rate.</summary>
    public OracleOptions Oracle { get; init; } = new();

    /// <summary>Trainer settings (model, iterations, batch, crop, device); the seed is set per run.</summary>
    public TrainerOptions Trainer { get; init; } = new();

    /// <summary>Retraining policy between rounds.</summary>
    public RetrainPolicy Retrain { get; init; } = RetrainPolicy.FromInitial;

    /// <summary>Automated correction for the plain acquisition names: null for none, or A²LC's LCM settings.</summary>
    public LabelCorrectionOptions? AutoCorrect { get; init; }

    /// <summary>The strategies to run, labelled: one per acquisition, then the ablation rows when asked.</summary>
    public IReadOnlyList<(string Label, CorrectionStrategy Strategy)> Strategies()
    {
        var baseline = new CorrectionStrategy { Budget = Budget, Epsilon = Epsilon, Retrain = Retrain };
        var list = Acquisitions.Select(a => (a, Named(a, baseline))).ToList();
        if (Ablation)
        {
            // Paper Table 3: the full method, then pool / look-ahead / expansion switched off one at a time.
            var full = baseline with { Acquisition = Alc.Core.Acquisition.Acquisitions.Sim };
            list.Add(("ablation: full (pool + look-ahead + expansion)", full));
            list.Add(("ablation: no pool", full with { Pool = PoolKind.None }));
            list.Add(("ablation: no look-ahead (CIL)", full with { Acquisition = "cil" }));
            list.Add(("ablation: no expansion", full with { Expansion = false }));
        }

        return list;
    }

    // "default", "sim+lcm" or a plain acquisition name.
    private CorrectionStrategy Named(string name, CorrectionStrategy baseline)
    {
        string key = name.Trim().ToLowerInvariant();
        if (key == StrategyNames.Default)
        {
            return CorrectionStrategy.Default with { Budget = Budget, Epsilon = Epsilon, Retrain = Retrain };
        }

        const string Lcm = "+lcm";
        return key.EndsWith(Lcm, StringComparison.Ordinal)
            ? baseline with { Acquisition = key[..^Lcm.Length], AutoCorrection = new LabelCorrectionOptions() }
            : baseline with { Acquisition = key, AutoCorrection = AutoCorrect };
    }
}
