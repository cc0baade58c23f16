namespace Alc.Storage;

/// <summary>One numbered schema migration.</summary>
/// <param name="Version">Its version (the number in the file name).</param>
/// <param name="Name">The file name without extension, e.g. <c>0001_initial</c>.</param>
/// <param name="Sql">The SQL it runs.</param>
public sealed record Migration(int Version, string Name, string Sql);
