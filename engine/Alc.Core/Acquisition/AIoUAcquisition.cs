using System.Buffers;
using Alc.Core.Maps;
using Alc.Core.Numerics;
using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// Label-error score in the manner of Rottmann &amp; Reese (2023): the prediction ŷ is split into
/// 4-connected components k; each is compared with the given labels by the adjusted IoU of MetaSeg,
/// IoU_adj(k) = |k ∩ G| / |k ∪ (G \ Q)|, with c the class of k, G the union of the 4-connected
/// components of {y = c} that meet k, and Q the pixels predicted c outside k. A component the model
/// predicts confidently while the labels disagree is a likely label error:
/// score(k) = (1 − IoU_adj(k)) · mean_{x∈k} f(c; x). A candidate gets the score of the component
/// containing its pixel.
/// </summary>
public sealed class AIoUAcquisition : IAcquisition
{
    /// <inheritdoc />
    public string Name => "aiou";

    /// <inheritdoc />
    public void Score(ImagePool pool, Span<double> scores)
    {
        AcquisitionGuard.Require(pool, scores);
        double[] componentScores = ComponentScores(pool.Image, out int[] components);
        try
        {
            for (int i = 0; i < pool.Count; i++)
            {
                int k = components[pool.Candidates[i].Pixel];
                scores[i] = componentScores[k];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(components);
        }
    }

    /// <summary>
    /// Scores every predicted component of the image. <paramref name="components"/> (rented; the caller
    /// returns it to <see cref="ArrayPool{T}.Shared"/>) maps each pixel to its component.
    /// </summary>
    internal static double[] ComponentScores(ScoringImage image, out int[] components)
    {
        int n = image.PixelCount;
        int width = image.Labels.Width;
        ReadOnlySpan<byte> labels = image.Labels.Labels;
        byte[] predicted = ArrayPool<byte>.Shared.Rent(n);
        int[] labelComponents = ArrayPool<int>.Shared.Rent(n);
        components = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var predictedSpan = predicted.AsSpan(0, n);
            for (int p = 0; p < n; p++)
            {
                predictedSpan[p] = (byte)Kernels.ArgMax(image.Probabilities.At(p));
            }

            int predictedCount = ConnectedComponents.Label(predictedSpan, width, components.AsSpan(0, n));
            int labelCount = ConnectedComponents.Label(labels, width, labelComponents.AsSpan(0, n), LabelMap.Ignore);

            var size = new int[predictedCount];
            var confidence = new double[predictedCount];
            var intersection = new int[predictedCount];
            var componentClass = new byte[predictedCount];
            // Pixels of label component j whose prediction is not j's class: G \ Q \ k for any k of that class.
            var labelNotPredicted = new int[labelCount];
            var touching = new HashSet<long>();
            for (int p = 0; p < n; p++)
            {
                int k = components[p];
                byte c = predictedSpan[p];
                componentClass[k] = c;
                size[k]++;
                confidence[k] += image.Probabilities.At(p)[c];
                int j = labelComponents[p];
                if (j < 0)
                {
                    continue;
                }

                if (labels[p] == c)
                {
                    intersection[k]++;
                    touching.Add(((long)k << 32) | (uint)j);
                }
                else
                {
                    labelNotPredicted[j]++;
                }
            }

            var union = new long[predictedCount];
            for (int k = 0; k < predictedCount; k++)
            {
                union[k] = size[k];
            }

            foreach (long pair in touching)
            {
                union[(int)(pair >> 32)] += labelNotPredicted[(int)(pair & 0xFFFFFFFF)];
            }

            var scores = new double[predictedCount];
            for (int k = 0; k < predictedCount; k++)
            {
                double iou = (double)intersection[k] / union[k];
                scores[k] = (1 - iou) * confidence[k] / size[k];
            }

            return scores;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(predicted);
            ArrayPool<int>.Shared.Return(labelComponents);
        }
    }
}
