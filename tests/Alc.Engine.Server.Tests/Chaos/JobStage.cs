using System.Globalization;
using System.Text.RegularExpressions;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests.Chaos;

/// <summary>
/// Reads where a running round job is from its progress message ("round 2: training 15/20, loss 0.812",
/// "round 2: training judge 1/2 40/80, loss …", "round 2: measuring the model", "round 2: correcting labels
/// automatically", "round 2: selecting queries"): the point and how far into it (0..1).
/// </summary>
internal static partial class JobStage
{
    public static (ChaosPoint Point, double Done)? Of(JobDto job)
    {
        if (job.State != JobState.Running || job.Message is not string message)
        {
            return null;
        }

        if (Judge().Match(message) is { Success: true } judge)
        {
            double fold = Number(judge, 1) - 1, folds = Number(judge, 2);
            return (ChaosPoint.Judges, (fold + (Number(judge, 3) / Math.Max(1, Number(judge, 4)))) / Math.Max(1, folds));
        }

        if (Training().Match(message) is { Success: true } training)
        {
            return (ChaosPoint.Training, Number(training, 1) / Math.Max(1, Number(training, 2)));
        }

        return message switch
        {
            _ when message.EndsWith(": training", StringComparison.Ordinal) => (ChaosPoint.Training, 0),
            _ when message.Contains("measuring the model", StringComparison.Ordinal) => (ChaosPoint.Measuring, 0),
            _ when message.Contains("Model mIoU", StringComparison.Ordinal) || message.Contains("no validation ground truth", StringComparison.Ordinal) =>
                (ChaosPoint.Measuring, 1),
            _ when message.Contains("correcting labels automatically", StringComparison.Ordinal) => (ChaosPoint.Correcting, 0),
            _ when message.Contains("selecting queries", StringComparison.Ordinal) => (ChaosPoint.Selecting, 0),
            _ when message.Contains("queries ready", StringComparison.Ordinal) => (ChaosPoint.Selecting, 1),
            _ => null,
        };
    }

    private static double Number(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"training judge (\d+)/(\d+) (\d+)/(\d+)")]
    private static partial Regex Judge();

    [GeneratedRegex(@": training (\d+)/(\d+)")]
    private static partial Regex Training();
}
