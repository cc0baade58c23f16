using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Alc.Benchmarks;

/// <summary>A summary column with throughput in megapixels per second: pixels per operation / mean time.</summary>
/// <param name="pixelsPerOperation">How many pixels one benchmark invocation processes.</param>
public sealed class MegapixelsPerSecondColumn(int pixelsPerOperation) : IColumn
{
    /// <summary>Column id.</summary>
    public string Id => nameof(MegapixelsPerSecondColumn);

    /// <summary>Column header.</summary>
    public string ColumnName => "MP/s";

    /// <summary>Shown for every benchmark.</summary>
    public bool AlwaysShow => true;

    /// <summary>A metric column.</summary>
    public ColumnCategory Category => ColumnCategory.Metric;

    /// <summary>Placed after the built-in statistics.</summary>
    public int PriorityInCategory => 0;

    /// <summary>Numeric.</summary>
    public bool IsNumeric => true;

    /// <summary>A rate, not a size or time.</summary>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <summary>Describes the column in the legend.</summary>
    public string Legend => $"Throughput: {pixelsPerOperation} pixels per operation divided by the mean time, in megapixels per second";

    /// <summary>The throughput of one benchmark case, or "NA" without results.</summary>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <summary>The throughput of one benchmark case, or "NA" without results.</summary>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNanoseconds is > 0
            ? (pixelsPerOperation / meanNanoseconds.Value * 1000).ToString("F2", CultureInfo.InvariantCulture)
            : "NA";
    }

    /// <summary>Not a parameter column.</summary>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Always available.</summary>
    public bool IsAvailable(Summary summary) => true;
}
