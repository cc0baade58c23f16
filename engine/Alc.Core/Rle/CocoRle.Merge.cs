namespace Alc.Core.Rle;

/// <content>Union, intersection and IoU computed on the runs, without decoding (pycocotools <c>merge</c> and <c>iou</c>).</content>
public sealed partial class CocoRle
{
    /// <summary>
    /// Merges masks of one size as pycocotools <c>merge</c>: the union (or, with <paramref name="intersect"/>, the
    /// intersection), folded left to right over the runs. A single mask comes back as it is.
    /// </summary>
    /// <exception cref="ArgumentException">No mask is given, or the sizes differ (pycocotools silently returns a 0×0 mask there).</exception>
    public static CocoRle Merge(ReadOnlySpan<CocoRle> masks, bool intersect = false)
    {
        if (masks.IsEmpty)
        {
            throw new ArgumentException("Merge needs at least one mask.", nameof(masks));
        }

        CocoRle first = masks[0] ?? throw new ArgumentException("Mask 0 is null.", nameof(masks));
        for (int i = 1; i < masks.Length; i++)
        {
            CocoRle mask = masks[i] ?? throw new ArgumentException($"Mask {i} is null.", nameof(masks));
            if (mask.Width != first.Width || mask.Height != first.Height)
            {
                throw new ArgumentException(
                    $"Mask {i} is {mask.Width}×{mask.Height}, but mask 0 is {first.Width}×{first.Height}; only masks of one size merge.",
                    nameof(masks));
            }
        }

        if (masks.Length == 1)
        {
            return first;
        }

        // A merge of two run lists has at most as many runs as both together.
        int capacity = first._counts.Length + masks[1]._counts.Length;
        var current = new RunBuffer(capacity);
        var next = new RunBuffer(capacity);
        try
        {
            current.AddRange(first._counts);
            for (int i = 1; i < masks.Length; i++)
            {
                next.Clear();
                MergePair(current.Items, masks[i]._counts, intersect, next);
                (current, next) = (next, current);
            }

            return new CocoRle(first.Width, first.Height, current.ToArray());
        }
        finally
        {
            current.Dispose();
            next.Dispose();
        }
    }

    /// <summary>The pixels set in this mask or in <paramref name="other"/> (pycocotools <c>merge([a, b])</c>).</summary>
    public CocoRle Union(CocoRle other) => Merge([this, other]);

    /// <summary>The pixels set in both this mask and <paramref name="other"/> (pycocotools <c>merge([a, b], intersect=True)</c>).</summary>
    public CocoRle Intersect(CocoRle other) => Merge([this, other], intersect: true);

    /// <summary>Number of pixels set in both this mask and <paramref name="other"/>.</summary>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    public int IntersectionArea(CocoRle other)
    {
        RequireSameSize(this, other, nameof(other));
        return (int)Intersection(_counts, other._counts);
    }

    /// <summary>
    /// Intersection over union of two masks, as pycocotools <c>iou</c>: |d ∩ g| / |d ∪ g|, or |d ∩ g| / |d| when the
    /// ground truth is a crowd region; 0 when they do not overlap (including two empty masks).
    /// </summary>
    /// <exception cref="ArgumentException">The sizes differ (pycocotools reports −1 there).</exception>
    public static double IoU(CocoRle detection, CocoRle groundTruth, bool groundTruthIsCrowd = false)
    {
        ArgumentNullException.ThrowIfNull(detection);
        RequireSameSize(detection, groundTruth, nameof(groundTruth));
        long intersection = Intersection(detection._counts, groundTruth._counts);
        if (intersection == 0)
        {
            return 0;
        }

        long union = groundTruthIsCrowd ? detection.Area : (long)detection.Area + groundTruth.Area - intersection;
        return (double)intersection / union;
    }

    /// <summary>
    /// One step of pycocotools' merge loop: walks both run lists at once, advancing by the shorter remaining run,
    /// and closes an output run whenever the merged value changes or both inputs end. Run lists that contain
    /// zero-length runs are handled step by step exactly as pycocotools does, so its output is reproduced.
    /// </summary>
    private static void MergePair(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, bool intersect, RunBuffer output)
    {
        uint restA = a[0], restB = b[0], pending = 0;
        int nextA = 1, nextB = 1;
        bool setA = false, setB = false, merged = false;
        while (true)
        {
            uint step = Math.Min(restA, restB);
            pending += step;
            restA -= step;
            if (restA == 0 && nextA < a.Length)
            {
                restA = a[nextA++];
                setA = !setA;
            }

            restB -= step;
            if (restB == 0 && nextB < b.Length)
            {
                restB = b[nextB++];
                setB = !setB;
            }

            bool previous = merged;
            merged = intersect ? setA && setB : setA || setB;
            bool done = restA == 0 && restB == 0;
            if (merged != previous || done)
            {
                output.Add(pending);
                pending = 0;
            }

            if (done)
            {
                return;
            }
        }
    }

    /// <summary>Pixels set in both run lists (same total length), walking the runs as in pycocotools <c>iou</c>.</summary>
    private static long Intersection(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        uint restA = a[0], restB = b[0];
        int nextA = 1, nextB = 1;
        bool setA = false, setB = false;
        long both = 0;
        while (true)
        {
            uint step = Math.Min(restA, restB);
            if (setA && setB)
            {
                both += step;
            }

            restA -= step;
            if (restA == 0 && nextA < a.Length)
            {
                restA = a[nextA++];
                setA = !setA;
            }

            restB -= step;
            if (restB == 0 && nextB < b.Length)
            {
                restB = b[nextB++];
                setB = !setB;
            }

            if (restA == 0 && restB == 0)
            {
                return both;
            }
        }
    }

    private static void RequireSameSize(CocoRle a, CocoRle b, string paramName)
    {
        ArgumentNullException.ThrowIfNull(b, paramName);
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"The masks differ in size: {a.Width}×{a.Height} and {b.Width}×{b.Height}.", paramName);
        }
    }
}
