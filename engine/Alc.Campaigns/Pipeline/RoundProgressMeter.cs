using Alc.Training;

namespace Alc.Campaigns.Pipeline;

/// <summary>
/// Turns stage-level progress into one overall fraction for the stages a run covers, each weighted by its work in
/// training-iteration units: training θ costs its iterations; the automated correction costs its judges' iterations
/// (k folds × their iterations) plus one inference pass; measuring, selecting and closing cost one inference pass
/// each, taken as a twentieth of a training run (one forward pass over the split against ~20 forward+backward batches).
/// The fraction reported never decreases, so bars and the job resource only move forward.
/// </summary>
public sealed class RoundProgressMeter
{
    private readonly IProgress<RoundProgress>? _sink;
    private readonly Dictionary<RoundStage, double> _weights;
    private readonly double _total;
    private double _last;

    /// <summary>Creates the meter for round <paramref name="round"/> running <paramref name="stages"/> of <paramref name="strategy"/>.</summary>
    /// <param name="round">Round t.</param>
    /// <param name="stages">The stages this run covers (the engine's job runs train → select; the bench all).</param>
    /// <param name="strategy">The strategy (whether the automated correction and its judges run).</param>
    /// <param name="iterations">θ's training iterations.</param>
    /// <param name="sink">Where progress goes; null for none.</param>
    public RoundProgressMeter(int round, IReadOnlyCollection<RoundStage> stages, CorrectionStrategy strategy, int iterations, IProgress<RoundProgress>? sink)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(strategy);
        Round = round;
        _sink = sink;
        double pass = Math.Max(1, iterations / 20.0);
        var correction = strategy.AutoCorrection;
        double judges = correction is { OutOfFoldModels: >= 2 } c ? c.OutOfFoldModels * (double)c.JudgeIterations(iterations) : 0;
        _weights = stages.Distinct().ToDictionary(s => s, s => s switch
        {
            RoundStage.Train => Math.Max(1, iterations),
            RoundStage.AutoCorrect => correction is null ? 0 : judges + pass,
            RoundStage.Measure or RoundStage.Select or RoundStage.Close => pass,
            _ => pass / 4,
        });
        _total = Math.Max(1e-9, _weights.Values.Sum());
    }

    /// <summary>The round measured.</summary>
    public int Round { get; }

    /// <summary>Reports <paramref name="stage"/> at <paramref name="stageFraction"/> (clamped to 0..1).</summary>
    public void Report(RoundStage stage, double stageFraction, string message)
    {
        double within = double.IsFinite(stageFraction) ? Math.Clamp(stageFraction, 0, 1) : 0;
        double before = _weights.Where(w => w.Key < stage).Sum(w => w.Value);
        double fraction = (before + (_weights.GetValueOrDefault(stage) * within)) / _total;
        _last = Math.Max(_last, Math.Min(1, fraction));
        _sink?.Report(new RoundProgress(Round, stage, within, _last, $"round {Round}: {message}"));
    }

    /// <summary>A training progress sink for <paramref name="stage"/>, reporting every fifth step and the last (often enough for a bar, rare enough for a jobs table).</summary>
    /// <param name="stage">The stage that trains (θ, or the judges).</param>
    /// <param name="what">What trains ("training", "training judge 1/2").</param>
    /// <param name="part">Which share of the stage this training covers, as (offset, width) within 0..1.</param>
    public IProgress<TrainingProgress> Training(RoundStage stage, string what, (double Offset, double Width) part = default) =>
        new SyncProgress<TrainingProgress>(p =>
        {
            if (p.Iteration % 5 == 0 || p.Iteration == p.Iterations)
            {
                var (offset, width) = part == default ? (0.0, 1.0) : part;
                Report(stage, offset + (width * p.Iteration / Math.Max(1, p.Iterations)), $"{what} {p.Iteration}/{p.Iterations}, loss {p.Loss:0.000}");
            }
        });
}
