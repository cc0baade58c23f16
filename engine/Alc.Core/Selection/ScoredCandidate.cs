using Alc.Core.Pool;

namespace Alc.Core.Selection;

/// <summary>A pool candidate of one image with its acquisition score (higher = ask first).</summary>
/// <param name="ImageKey">The image's key (<see cref="ScoringImage.Key"/>).</param>
/// <param name="Candidate">The candidate.</param>
/// <param name="Score">a(x; θ).</param>
public readonly record struct ScoredCandidate(int ImageKey, PoolCandidate Candidate, double Score);
