using Alc.Core;
using Alc.Imaging.Datasets;

namespace Alc.Imaging.Importers;

/// <summary>
/// Writes an import into a staging folder beside the output and moves it into place only when the whole
/// import succeeded, so a failed import leaves the output folder as it was. Split files are merged with
/// the output's existing ones; classes must agree with an existing classes.json.
/// </summary>
internal sealed class StagedImport : IDisposable
{
    private readonly Dictionary<string, List<string>> _splits = [];

    public StagedImport(string outputRoot)
    {
        Output = new DatasetLayout(outputRoot);
        string staging = Path.Combine(Path.GetDirectoryName(Output.Root)!, $".{Path.GetFileName(Output.Root)}.import-{Guid.NewGuid():N}");
        Writer = new DatasetWriter(staging);
    }

    /// <summary>The final dataset folder.</summary>
    public DatasetLayout Output { get; }

    /// <summary>Writes into the staging folder.</summary>
    public DatasetWriter Writer { get; }

    /// <summary>Classes of the output, when it already has a classes.json.</summary>
    public IReadOnlyList<ClassInfo>? ExistingClasses => File.Exists(Output.ClassesFile) ? ClassesFile.Read(Output.ClassesFile) : null;

    /// <summary>Sets the classes; when the output already has classes they must match by id and name.</summary>
    public void UseClasses(IReadOnlyList<ClassInfo> classes)
    {
        if (ExistingClasses is { } existing)
        {
            bool same = existing.Count == classes.Count && existing.Zip(classes).All(p => string.Equals(p.First.Name, p.Second.Name, StringComparison.OrdinalIgnoreCase));
            if (!same)
            {
                throw new DatasetFormatException("classes.json",
                    $"the output already has classes [{string.Join(", ", existing.Select(c => c.Name))}], the import brings [{string.Join(", ", classes.Select(c => c.Name))}]");
            }
        }

        Writer.WriteClasses(classes);
    }

    /// <summary>Records that <paramref name="stem"/> belongs to <paramref name="split"/>.</summary>
    public void AddToSplit(string split, string stem)
    {
        if (!_splits.TryGetValue(split, out var stems))
        {
            _splits[split] = stems = [];
        }

        stems.Add(stem);
    }

    /// <summary>Moves every staged file into the output folder and merges the split files.</summary>
    public void Commit()
    {
        foreach (var (split, stems) in _splits)
        {
            string existingPath = Output.SplitFile(split);
            var merged = File.Exists(existingPath) ? SplitFile.Read(existingPath, $"splits/{split}.txt").ToList() : [];
            merged.AddRange(stems.Where(s => !merged.Contains(s, StringComparer.Ordinal)));
            Writer.WriteSplit(split, merged);
        }

        string staging = Writer.Layout.Root;
        foreach (string file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(Output.Root, Path.GetRelativePath(staging, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Writer.Layout.Root))
        {
            Directory.Delete(Writer.Layout.Root, recursive: true);
        }
    }
}
