using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>
/// How each class looks in the world: a mean colour and a texture (flat, stripes or spots). Confusable
/// partners (1↔2, 3↔4, …) get nearby colours but different textures: learnable, yet easy to mix up.
/// </summary>
internal sealed class ClassAppearance
{
    private readonly double[] _red, _green, _blue;
    private readonly int[] _texture;
    private readonly double[] _period;

    public ClassAppearance(int classes, long seed)
    {
        var random = new SeededRandom(seed, stream: -1);
        _red = new double[classes];
        _green = new double[classes];
        _blue = new double[classes];
        _texture = new int[classes];
        _period = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            int partner = WorldClasses.Partner(c, classes);
            if (c > 0 && partner > 0 && partner < c)
            {
                // Partner of an earlier class: same hue family, shifted by ~30 levels.
                _red[c] = Math.Clamp(_red[partner] + random.Uniform(-30, 30), 20, 235);
                _green[c] = Math.Clamp(_green[partner] + random.Uniform(-30, 30), 20, 235);
                _blue[c] = Math.Clamp(_blue[partner] + random.Uniform(-30, 30), 20, 235);
            }
            else
            {
                _red[c] = random.Uniform(30, 225);
                _green[c] = random.Uniform(30, 225);
                _blue[c] = random.Uniform(30, 225);
            }

            _texture[c] = c == 0 ? 0 : 1 + (c % 2);
            _period[c] = random.Uniform(4, 9);
        }
    }

    /// <summary>The colour of class <paramref name="c"/> at (x, y) before noise and lighting.</summary>
    public (double R, double G, double B) At(int c, int x, int y)
    {
        double t = _texture[c] switch
        {
            1 => 18 * Math.Sin(2 * Math.PI * (x + y) / _period[c]),
            2 => ((x / (int)_period[c]) + (y / (int)_period[c])) % 2 == 0 ? 14 : -14,
            _ => 0,
        };
        return (_red[c] + t, _green[c] + t, _blue[c] - t);
    }
}
