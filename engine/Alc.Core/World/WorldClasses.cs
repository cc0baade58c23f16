using Alc.Core.Maps;

namespace Alc.Core.World;

/// <summary>
/// The classes of the benchmark world: background plus object classes in confusable pairs
/// (chair/sofa, cat/dog, car/bus, …) so that a small CNN can learn them but still confuses them,
/// the way Grounded-SAM's text prompts do.
/// </summary>
public static class WorldClasses
{
    private static readonly string[] Names =
    [
        "background", "chair", "sofa", "cat", "dog", "car", "bus", "person", "horse",
        "bottle", "pottedplant", "bicycle", "motorbike", "cow", "sheep", "boat", "aeroplane",
        "bird", "diningtable", "train", "tvmonitor",
    ];

    /// <summary>The most classes the world can have (PASCAL VOC's 21).</summary>
    public const int MaxClasses = 21;

    /// <summary>The first <paramref name="count"/> classes with VOC palette colours.</summary>
    public static IReadOnlyList<ClassInfo> Create(int count)
    {
        if (count is < 2 or > MaxClasses)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The world has 2..{MaxClasses} classes.");
        }

        return Enumerable.Range(0, count).Select(c =>
        {
            var (r, g, b) = VocPalette.Color(c);
            return new ClassInfo(c, Names[c], $"#{r:x2}{g:x2}{b:x2}");
        }).ToArray();
    }

    /// <summary>The class an object of class <paramref name="c"/> is confused with: 1↔2, 3↔4, …; 0 when it has no partner.</summary>
    public static int Partner(int c, int classCount)
    {
        if (c <= 0)
        {
            return 0;
        }

        int partner = c % 2 == 1 ? c + 1 : c - 1;
        return partner < classCount ? partner : 0;
    }
}
