using Alc.Core.Numerics;
using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training.Tests.Training;

public class ScaleCropFlipTests
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void Crops_have_the_crop_size_whatever_the_scale()
    {
        using var scope = NewDisposeScope();
        var augmentation = new ScaleCropFlip(cropSize: 24, scaleMin: 0.5, scaleMax: 2.0, flip: true);
        var random = new SeededRandom(5);
        (Tensor rgb, Tensor labels) = Inputs(SyntheticSplits.Random(6, 20, 14, classCount: 4));
        CropWindow[] windows = [.. Enumerable.Range(0, 6).Select(_ => augmentation.Sample(20, 14, random))];

        (Tensor images, Tensor cropped) = augmentation.Apply(rgb, labels, windows);

        Assert.Equal([6L, 3L, 24L, 24L], images.shape);
        Assert.Equal([6L, 24L, 24L], cropped.shape);
        Assert.Equal(ScalarType.Int64, cropped.dtype);
    }

    [Fact]
    public void Labels_only_hold_original_ids_or_ignore()
    {
        using var scope = NewDisposeScope();
        var augmentation = new ScaleCropFlip(cropSize: 32, scaleMin: 0.5, scaleMax: 2.0, flip: true);
        var random = new SeededRandom(9);
        SegmentationSample[] samples = SyntheticSplits.Random(8, 24, 24, classCount: 3);
        foreach (SegmentationSample sample in samples)
        {
            // Ids 0, 4, 7 only: bilinear mixing would produce values in between.
            for (int p = 0; p < sample.Labels!.Length; p++)
            {
                sample.Labels[p] = sample.Labels[p] switch { 0 => 0, 1 => 4, _ => 7 };
            }
        }

        (Tensor rgb, Tensor labels) = Inputs(samples);
        for (int round = 0; round < 5; round++)
        {
            CropWindow[] windows = [.. samples.Select(_ => augmentation.Sample(24, 24, random))];
            long[] values = augmentation.Apply(rgb, labels, windows).Labels.unique().Item1.data<long>().ToArray();
            Assert.All(values, v => Assert.Contains(v, new long[] { 0, 4, 7, 255 }));
        }
    }

    [Fact]
    public void At_scale_1_without_flip_the_crop_is_the_normalised_image()
    {
        using var scope = NewDisposeScope();
        SegmentationSample[] samples = SyntheticSplits.Random(2, 9, 7, classCount: 5);
        (Tensor rgb, Tensor labels) = Inputs(samples);
        var augmentation = new ScaleCropFlip(cropSize: 5, scaleMin: 1, scaleMax: 1, flip: false);

        // Crop 5×5 at (left 3, top 1) of image 0 and at (0, 2) of image 1.
        (Tensor images, Tensor cropped) = augmentation.Apply(rgb, labels, [new(1, 3, 1, false), new(1, 0, 2, false)]);

        Tensor expectedImages = ImageNetNormalization.Normalize(rgb).narrow(2, 1, 5).narrow(3, 3, 5);
        Assert.True(images[0].allclose(expectedImages[0], rtol: 0, atol: Tolerance));
        Assert.True(images[1].allclose(ImageNetNormalization.Normalize(rgb).narrow(2, 2, 5).narrow(3, 0, 5)[1], rtol: 0, atol: Tolerance));
        Assert.Equal(labels[0, 0].narrow(0, 1, 5).narrow(1, 3, 5).to_type(ScalarType.Int64).data<long>().ToArray(), cropped[0].data<long>().ToArray());
        Assert.Equal(labels[1, 0].narrow(0, 2, 5).narrow(1, 0, 5).to_type(ScalarType.Int64).data<long>().ToArray(), cropped[1].data<long>().ToArray());
    }

    [Fact]
    public void Flip_mirrors_image_and_labels_together()
    {
        using var scope = NewDisposeScope();
        SegmentationSample[] samples = SyntheticSplits.Random(3, 16, 12, classCount: 6);
        foreach (SegmentationSample sample in samples)
        {
            // Tie the red channel to the label (R = 40·label), so image and labels can be checked against each other.
            for (int p = 0; p < sample.Labels!.Length; p++)
            {
                sample.Rgb[p * 3] = (byte)(40 * sample.Labels[p]);
            }
        }

        (Tensor rgb, Tensor labels) = Inputs(samples);
        var augmentation = new ScaleCropFlip(cropSize: 12, scaleMin: 1, scaleMax: 1, flip: true);
        CropWindow[] plain = [new(1, 4, 0, false), new(1, 0, 0, false), new(1, 2, 0, false)];
        CropWindow[] flipped = [.. plain.Select(w => w with { Flip = true })];

        (Tensor images, Tensor cropped) = augmentation.Apply(rgb, labels, plain);
        (Tensor flippedImages, Tensor flippedLabels) = augmentation.Apply(rgb, labels, flipped);

        Assert.True(flippedImages.allclose(images.flip(3), rtol: 0, atol: Tolerance));
        Assert.True(flippedLabels.equal(cropped.flip(2)).all().item<bool>());
        Tensor red = (flippedImages[.., 0] * ImageNetNormalization.Std[0]) + ImageNetNormalization.Mean[0];
        Assert.True((red * 255).allclose(flippedLabels.to_type(ScalarType.Float32) * 40, rtol: 0, atol: 1e-2));
    }

    [Fact]
    public void Doubling_repeats_each_label_in_a_2x2_block()
    {
        using var scope = NewDisposeScope();
        SegmentationSample[] samples = SyntheticSplits.Random(1, 4, 4, classCount: 9);
        (Tensor rgb, Tensor labels) = Inputs(samples);
        var augmentation = new ScaleCropFlip(cropSize: 8, scaleMin: 2, scaleMax: 2, flip: false);

        Tensor cropped = augmentation.Apply(rgb, labels, [new(2, 0, 0, false)]).Labels;

        Tensor expected = labels[0, 0].repeat_interleave(2, 0).repeat_interleave(2, 1).to_type(ScalarType.Int64);
        Assert.Equal(expected.data<long>().ToArray(), cropped[0].data<long>().ToArray());
    }

    [Fact]
    public void Pads_with_ignore_labels_and_the_mean_colour_where_the_scaled_image_is_smaller()
    {
        using var scope = NewDisposeScope();
        SegmentationSample[] samples = SyntheticSplits.Random(1, 10, 6, classCount: 3);
        (Tensor rgb, Tensor labels) = Inputs(samples);
        var augmentation = new ScaleCropFlip(cropSize: 16, scaleMin: 1, scaleMax: 1, flip: false);
        CropWindow window = augmentation.Sample(10, 6, new SeededRandom(1));

        (Tensor images, Tensor cropped) = augmentation.Apply(rgb, labels, [window]);

        Assert.Equal((0, 0), (window.Left, window.Top));
        Assert.Equal(labels[0, 0].to_type(ScalarType.Int64).data<long>().ToArray(), cropped[0].narrow(0, 0, 6).narrow(1, 0, 10).data<long>().ToArray());
        Assert.All(cropped[0].narrow(1, 10, 6).data<long>().ToArray(), v => Assert.Equal(255L, v));
        Assert.All(cropped[0].narrow(0, 6, 10).data<long>().ToArray(), v => Assert.Equal(255L, v));
        Assert.All(images[0].narrow(2, 10, 6).data<float>().ToArray(), v => Assert.Equal(0f, v));
        Assert.All(images[0].narrow(1, 6, 10).data<float>().ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Sampled_windows_keep_the_crop_inside_larger_scaled_images()
    {
        var augmentation = new ScaleCropFlip(cropSize: 16, scaleMin: 0.5, scaleMax: 2.0, flip: true);
        var random = new SeededRandom(3);
        int flips = 0;
        for (int i = 0; i < 500; i++)
        {
            CropWindow w = augmentation.Sample(40, 30, random);
            Assert.InRange(w.Scale, 0.5, 2.0);
            Assert.InRange(w.Left, 0, Math.Max(0, w.Scaled(40) - 16));
            Assert.InRange(w.Top, 0, Math.Max(0, w.Scaled(30) - 16));
            flips += w.Flip ? 1 : 0;
        }

        Assert.InRange(flips, 200, 300);
    }

    /// <summary>Float RGB [N, 3, H, W] in 0..255 and float labels [N, 1, H, W], as <see cref="TrainingSet"/> hands them over.</summary>
    private static (Tensor Rgb, Tensor Labels) Inputs(SegmentationSample[] samples)
    {
        int n = samples.Length;
        int h = samples[0].Height;
        int w = samples[0].Width;
        Tensor rgb = tensor(samples.SelectMany(s => s.Rgb).ToArray(), [n, h, w, 3]).permute(0, 3, 1, 2).to_type(ScalarType.Float32);
        Tensor labels = tensor(samples.SelectMany(s => s.Labels!).ToArray(), [n, 1, h, w]).to_type(ScalarType.Float32);
        return (rgb, labels);
    }
}
