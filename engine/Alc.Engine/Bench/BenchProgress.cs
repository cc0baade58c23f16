using Alc.Engine.Rounds;

namespace Alc.Engine.Bench;

/// <summary>Progress of one bench run: which strategy and seed, and where its campaign is.</summary>
/// <param name="Run">The strategy's label, or "warm start".</param>
/// <param name="Seed">The seed.</param>
/// <param name="Campaign">The campaign's progress.</param>
public readonly record struct BenchProgress(string Run, long Seed, CampaignProgress Campaign);
