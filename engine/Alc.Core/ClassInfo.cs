namespace Alc.Core;

/// <summary>One class of a dataset: id, name and display colour ("#rrggbb").</summary>
/// <param name="Id">Class id 0..L−1.</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Color">Display colour as "#rrggbb".</param>
public sealed record ClassInfo(int Id, string Name, string Color);
