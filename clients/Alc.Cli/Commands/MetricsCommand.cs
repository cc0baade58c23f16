using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc metrics PROJECT</c>.</summary>
internal static class MetricsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Project id." };
        var command = new Command("metrics", "Per-round clicks, bits, seconds, Data mIoU, Model mIoU and corrections per class.") { project };
        command.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () => c.Print(await c.Api.GetMetricsAsync(result.GetValue(project), token).ContentOrThrow(), m =>
            {
                var table = CliContext.Table("round", "state", "clicks", "total clicks", "bits", "seconds", "Data mIoU", "Model mIoU", "precision", "corrections",
                    "automated");
                foreach (var r in m.Rounds)
                {
                    table.AddRow($"{r.Round}", r.State.ToString().ToLowerInvariant(), $"{r.Clicks}", $"{r.CumulativeClicks}", $"{r.Bits:0.#}", $"{r.Seconds:0.#}",
                        $"{r.DataMIoU:0.000}", $"{r.ModelMIoU:0.000}", $"{r.Precision:0.00}",
                        Spectre.Console.Markup.Escape(string.Join(", ", r.CorrectionsPerClass.Select(p => $"{p.Key} {p.Value}"))), Automated(r.AutomatedCorrection));
                }

                table.Caption($"D0 Data mIoU {(m.InitialDataMIoU is double d ? d.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a (no ground truth)")}");
                return table;
            }));
        });
        return command;
    }

    // Pixels relabelled without a click (and the share right, with ground truth), then region checks answered of asked.
    private static string Automated(AutomatedCorrectionDto? a) => a is null ? "-"
        : $"{a.Pixels} px{(a.ShareRight is double right ? $" ({right:P0} right)" : "")}, checks {a.ChecksAnswered}/{a.Checks}";
}
