using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Alc.Benchmarks;

/// <summary>Runs the benchmarks (BenchmarkDotNet arguments, e.g. <c>--filter *PoolAndSim* --job short</c>) and prints throughputs.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var summary in summaries)
        {
            Throughput.Print(summary);
        }
    }
}

/// <summary>Pixels·classes per second for the pool benchmarks, and their ratio to the Sum baseline of the same run.</summary>
internal static class Throughput
{
    public static void Print(Summary summary)
    {
        if (summary.BenchmarksCases.Length == 0 || summary.BenchmarksCases[0].Descriptor.Type != typeof(PoolAndSimBenchmark))
        {
            return;
        }

        double work = (double)SyntheticScoringImage.Side * SyntheticScoringImage.Side * PoolAndSimBenchmark.Classes;
        Console.WriteLine();
        Console.WriteLine("| Layout | Cache | Method | Mean (ms) | Gpx·class/s | Throughput ratio to Sum |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var group in summary.Reports.Where(r => r.ResultStatistics is not null)
                     .GroupBy(r => $"{r.BenchmarkCase.Parameters["Layout"]} | {r.BenchmarkCase.Parameters["Cache"]}"))
        {
            double? baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics!.Mean;
            foreach (var report in group)
            {
                double ns = report.ResultStatistics!.Mean;
                string ratio = baseline is double b ? $"{b / ns:0.00}" : "n/a";
                Console.WriteLine($"| {group.Key} | {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {ns / 1e6:0.000} | {work / ns:0.00} | {ratio} |");
            }
        }
    }
}
