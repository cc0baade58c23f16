namespace Alc.Engine.Server.Tests.Chaos;

/// <summary>Where in a round a SIGKILL is aimed, in the order a round passes through them.</summary>
internal enum ChaosPoint
{
    /// <summary>θ trains (a fraction of its iterations).</summary>
    Training,

    /// <summary>Model mIoU on the validation split (part of scoring).</summary>
    Measuring,

    /// <summary>The default strategy's out-of-fold judges train (a fraction of all judges' iterations).</summary>
    Judges,

    /// <summary>The judges relabel confident regions and propose region checks (part of scoring).</summary>
    Correcting,

    /// <summary>The acquisition scores the pool and the round's queries are published (part of scoring).</summary>
    Selecting,

    /// <summary>Annotators answer: the kill comes as a fraction of the round's answer requests has gone out, a random delay after the next one.</summary>
    Ingestion,
}

/// <summary>
/// One planned SIGKILL: in round <paramref name="Round"/> at <paramref name="Point"/>, once <paramref name="At"/> (0..1) of it
/// is done; for ingestion, <paramref name="Aim"/> (0..1) of a typical answer request's time after the next one went out
/// (before it arrives, while it is stored, or after it committed and before its response), or, where it is null, while
/// the next request's body is half sent (a slow client at the moment of the crash: that request surely loses its response).
/// </summary>
internal sealed record ChaosKill(int Round, ChaosPoint Point, double At, double? Aim)
{
    /// <summary>The phase the issue names: training, judges, scoring or ingestion.</summary>
    public string Phase => PhaseOf(Point);

    /// <summary>The phase <paramref name="point"/> belongs to.</summary>
    public static string PhaseOf(ChaosPoint point) => point switch
    {
        ChaosPoint.Training => "training",
        ChaosPoint.Judges => "judges",
        ChaosPoint.Ingestion => "ingestion",
        _ => "scoring",
    };
}

/// <summary>
/// A seeded schedule of SIGKILLs over a campaign: the four phases take turns (so each gets a quarter of the kills), each
/// kill falls in a random round at a random point of its phase, and a round's kills are ordered as the round meets them
/// (point, then fraction), so every kill is reachable whether the interrupted work restarts from scratch or resumes.
/// </summary>
internal static class ChaosPlan
{
    private static readonly ChaosPoint[] Scoring = [ChaosPoint.Measuring, ChaosPoint.Correcting, ChaosPoint.Selecting];

    public static IReadOnlyList<ChaosKill> Draw(int seed, int kills, int rounds)
    {
        var random = new Random(seed);
        var plan = new List<ChaosKill>();
        for (int i = 0; i < kills; i++)
        {
            var point = (i % 4) switch
            {
                0 => ChaosPoint.Training,
                1 => ChaosPoint.Judges,
                2 => Scoring[random.Next(Scoring.Length)],
                _ => ChaosPoint.Ingestion,
            };
            // Away from the very ends, where "during" would blur into the phase before or after.
            plan.Add(new ChaosKill(1 + random.Next(rounds), point, 0.1 + (0.8 * random.NextDouble()), point == ChaosPoint.Ingestion ? random.NextDouble() : 0));
        }

        plan = plan.OrderBy(k => k.Round).ThenBy(k => k.Point).ThenBy(k => k.At).ToList();
        // The first ingestion kill holds a request half sent, so at least one kill surely cuts an answer's response off.
        int first = plan.FindIndex(k => k.Point == ChaosPoint.Ingestion);
        if (first >= 0)
        {
            plan[first] = plan[first] with { Aim = null };
        }

        return plan;
    }

    /// <summary>The seed: <c>ALC_CHAOS_SEED</c> when set, else <paramref name="fallback"/>.</summary>
    public static int Seed(int fallback) => int.TryParse(Environment.GetEnvironmentVariable("ALC_CHAOS_SEED"), out int seed) ? seed : fallback;

    /// <summary>The number of kills: <c>ALC_CHAOS_KILLS</c> when set, else <paramref name="fallback"/>.</summary>
    public static int Kills(int fallback) => int.TryParse(Environment.GetEnvironmentVariable("ALC_CHAOS_KILLS"), out int kills) && kills >= 0 ? kills : fallback;
}
