namespace Alc.Imaging.Datasets;

/// <summary>splits/&lt;split&gt;.txt: one image stem per line; blank lines and lines starting with '#' are skipped.</summary>
public static class SplitFile
{
    /// <summary>Reads the stems of a split file, validating each (plain file names, no duplicates).</summary>
    /// <exception cref="DatasetFormatException">A stem is not a plain file name or appears twice.</exception>
    public static IReadOnlyList<string> Read(string path, string displayName)
    {
        var stems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            string stem = line.Trim();
            if (DatasetLayout.StemProblem(stem) is string problem)
            {
                throw new DatasetFormatException(displayName, $"line {lineNumber}: {problem}");
            }

            if (!seen.Add(stem))
            {
                throw new DatasetFormatException(displayName, $"line {lineNumber}: the stem '{stem}' is listed twice");
            }

            stems.Add(stem);
        }

        return stems;
    }

    /// <summary>Writes the stems, one per line.</summary>
    public static void Write(string path, IEnumerable<string> stems)
    {
        var list = stems.ToList();
        foreach (string stem in list)
        {
            DatasetLayout.RequireStem(stem);
        }

        AtomicFile.WriteAllLines(path, list);
    }
}
