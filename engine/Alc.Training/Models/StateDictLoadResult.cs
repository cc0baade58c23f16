namespace Alc.Training.Models;

/// <summary>What <see cref="StateDictFiles.LoadInto"/> did, by state-dict name.</summary>
/// <param name="Loaded">The module's entries that were overwritten from the file.</param>
/// <param name="Missing">The module's entries the file lacks (left as they were).</param>
/// <param name="Unexpected">The file's entries the module lacks (ignored), e.g. <c>fc.weight</c> of a classification network.</param>
public sealed record StateDictLoadResult(IReadOnlyList<string> Loaded, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected);
