using Alc.Campaigns.Pipeline;

namespace Alc.Bench;

/// <summary>Progress of one bench run: which strategy and seed, and where its campaign is.</summary>
/// <param name="Run">The strategy's label, or "warm start".</param>
/// <param name="Seed">The seed.</param>
/// <param name="Rounds">Rounds R of each campaign (the campaign runs R + 1: the last only trains and measures θ_R).</param>
/// <param name="Campaign">The round's progress.</param>
public readonly record struct BenchProgress(string Run, long Seed, int Rounds, RoundProgress Campaign);
