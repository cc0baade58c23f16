using Alc.Core.Cost;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Campaigns;

/// <summary>The stored text of a verdict (<c>answers.verdict</c>) and its Core counterpart.</summary>
internal static class Verdicts
{
    public static string ToText(Verdict verdict) => verdict switch
    {
        Verdict.Confirm => "confirm",
        Verdict.Correct => "correct",
        Verdict.Unsure => "unsure",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };

    public static QueryVerdict Parse(string text) => text switch
    {
        "confirm" => QueryVerdict.Confirm,
        "correct" => QueryVerdict.Correct,
        "unsure" => QueryVerdict.Unsure,
        _ => throw new InvalidDataException($"Unknown stored verdict '{text}'."),
    };

    public static QueryVerdict ToCore(Verdict verdict) => Parse(ToText(verdict));
}
