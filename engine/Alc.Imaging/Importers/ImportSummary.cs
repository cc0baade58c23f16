namespace Alc.Imaging.Importers;

/// <summary>What an import wrote.</summary>
/// <param name="Images">Images written per split.</param>
/// <param name="Classes">Classes in the dataset.</param>
/// <param name="Skipped">Source items skipped, each with the reason.</param>
public sealed record ImportSummary(IReadOnlyDictionary<string, int> Images, int Classes, IReadOnlyList<string> Skipped);
