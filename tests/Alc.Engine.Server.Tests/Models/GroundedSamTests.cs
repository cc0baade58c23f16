using Alc.Inference;

namespace Alc.Engine.Server.Tests.Models;

/// <summary>
/// The Grounded-SAM rule on ONNX Runtime with stand-in graphs whose outputs are known exactly (<see cref="OnnxGraphs"/>): a
/// detector with fixed boxes and scores, an identity encoder of side 16 and a decoder whose mask is its box, so the rule's
/// every step — the box threshold, one class per box, the box mapped into SAM's longest-side frame and back, masks painted
/// largest first — has a map computed by hand.
/// </summary>
public sealed class GroundedSamTests
{
    private const int Side = 16;

    [Fact]
    public void Boxes_above_the_threshold_become_sam_masks_painted_largest_first_with_their_best_class()
    {
        // An 8×6 image, 3 classes (background + 2). Box A covers it all and scores class 1 best (0.9); box B is
        // x 2..6, y 3..6 and scores class 2 best (0.6); box C scores at most 0.15, under the 0.2 threshold.
        float[] boxes = [0, 0, 1, 1, 0.25f, 0.5f, 0.75f, 1, 0.1f, 0.1f, 0.5f, 0.5f];
        float[] scores = [0.9f, 0.1f, 0.3f, 0.6f, 0.1f, 0.15f];
        using var labeller = Labeller(boxes, scores, classes: 3);
        var result = labeller.Label(new byte[8 * 6 * 3], 8, 6);

        Assert.Equal(2, result.Boxes);
        // B's mask is the pixels whose centres lie in it: x 2..5, y 3..5; it is smaller, so it is painted over A.
        bool InB(int p) => p % 8 is >= 2 and <= 5 && p / 8 >= 3;
        Assert.Equal([.. Enumerable.Range(0, 48).Select(p => InB(p) ? (byte)2 : (byte)1)], result.Painted.Classes);
        Assert.Equal([.. Enumerable.Range(0, 48).Select(p => InB(p) ? 2 : 1)], result.Painted.Superpixels);
    }

    [Fact]
    public void A_tall_image_maps_its_boxes_through_the_longer_side_and_an_image_without_boxes_is_background()
    {
        // 4×8: the encoder frame's scale is 16 / 8 = 2 on both axes. Box x 0..2, y 4..8 (normalised 0, 0.5, 0.5, 1).
        using var labeller = Labeller([0, 0.5f, 0.5f, 1], [0.05f, 0.8f], classes: 3);
        var result = labeller.Label(new byte[4 * 8 * 3], 4, 8);
        Assert.Equal([.. Enumerable.Range(0, 32).Select(p => p % 4 < 2 && p / 4 >= 4 ? (byte)2 : (byte)0)], result.Painted.Classes);

        using var empty = Labeller([0, 0, 1, 1], [0.1f, 0.19f], classes: 3);
        var none = empty.Label(new byte[4 * 8 * 3], 4, 8);
        Assert.Equal(0, none.Boxes);
        Assert.All(none.Painted.Classes, c => Assert.Equal(0, c));
        Assert.All(none.Painted.Superpixels, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Models_that_break_the_contract_are_refused_naming_the_fault()
    {
        var detector = Assert.Throws<OnnxModelException>(() => new BoxDetector(OnnxGraphs.Detector([0, 0, 1, 1], [0.5f, 0.5f, 0.5f], 3), ModelPreprocessing.ImageNet, 3));
        Assert.Contains("'scores' scores 3 classes; a dataset of 3 classes needs 2", detector.Message, StringComparison.Ordinal);
        var encoder = Assert.Throws<OnnxModelException>(() => new SamPrompter(OnnxGraphs.Semantic(3), ModelPreprocessing.ImageNet, OnnxGraphs.SamBoxDecoder(Side)));
        Assert.Contains("a fixed side S (1024 for SAM)", encoder.Message, StringComparison.Ordinal);
        var decoder = Assert.Throws<OnnxModelException>(() => new SamPrompter(OnnxGraphs.SamEncoder(Side), ModelPreprocessing.ImageNet, OnnxGraphs.SamDecoder(leaveOut: "orig_im_size")));
        Assert.Contains("lacks orig_im_size", decoder.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Automatic_masks_keep_confident_stable_masks_remove_duplicates_by_box_nms_and_paint_largest_first()
    {
        // 8×8 quadrants: top-left (0) holding a 2×2 block (4) at x, y 1..2; top-right 1; bottom-left 2; bottom-right 3,
        // whose predicted IoU 0.5 is under 0.88. A 4×4 grid prompts pixels 1, 3, 5, 7 on each axis: (1, 1) hits the block,
        // three points hit region 0 (one mask kept, two duplicates removed by NMS), four each hit regions 1, 2 and 3.
        int[] regions = [.. Enumerable.Range(0, 64).Select(p => (p % 8, p / 8) switch
        {
            (>= 1 and <= 2, >= 1 and <= 2) => 4,
            (< 4, < 4) => 0,
            (_, < 4) => 1,
            (< 4, _) => 2,
            _ => 3,
        })];
        float[] iou = [0.95f, 0.9f, 0.92f, 0.5f, 0.99f];
        using var sam = new SamPrompter(OnnxGraphs.SamEncoder(Side), ModelPreprocessing.ImageNet, OnnxGraphs.SamRegionDecoder(Side, 8, 8, regions, iou));
        var (superpixels, masks) = new SamMaskGenerator(sam, new SamAutomaticMasks(PointsPerSide: 4)).Superpixels(new byte[8 * 8 * 3], 8, 8);

        Assert.Equal(4, masks);
        // Largest first: regions 1 and 2 (16 px; equal areas by ascending IoU: 1 then 2), region 0 (12 px), the block (4 px); 3 unpainted.
        int[] expected = [.. regions.Select(r => r switch { 1 => 1, 2 => 2, 0 => 3, 4 => 4, _ => 0 })];
        Assert.Equal(expected, superpixels);

        // Logits of ±2 are unstable at offset 3 (nothing is above +3): every mask is dropped. A minimum area of 5 drops the block.
        Assert.Equal(0, new SamMaskGenerator(sam, new SamAutomaticMasks(PointsPerSide: 4, StabilityScoreOffset: 3)).Superpixels(new byte[8 * 8 * 3], 8, 8).Masks);
        Assert.Equal(3, new SamMaskGenerator(sam, new SamAutomaticMasks(PointsPerSide: 4, MinMaskArea: 5)).Superpixels(new byte[8 * 8 * 3], 8, 8).Masks);
        Assert.Equal(["pointsPerSide must be 1..128 (got 0).", "boxNmsThreshold must be in 0..1 (got 2)."], new SamAutomaticMasks(PointsPerSide: 0, BoxNmsThreshold: 2).Problems());
    }

    [Fact]
    public void Cuda_asked_of_an_onnx_runtime_without_it_is_a_message_saying_what_to_do_and_auto_falls_back_to_the_cpu()
    {
        // The engine ships ONNX Runtime's CPU package, which has no CUDA execution provider on any machine.
        var refused = Assert.Throws<OnnxModelException>(() => new SemanticSegmenter(OnnxGraphs.Semantic(3), ModelPreprocessing.ImageNet, device: InferenceDevice.Cuda));
        Assert.Contains("ALC_DEVICE=Cuda asks ONNX Runtime for CUDA, which is not there", refused.Message, StringComparison.Ordinal);
        Assert.Contains("or set ALC_DEVICE=Cpu", refused.Message, StringComparison.Ordinal);
        using var fallback = new SemanticSegmenter(OnnxGraphs.Semantic([1, 0, 0, 0, 1, 0], [0, 0]), ModelPreprocessing.ImageNet, device: InferenceDevice.Auto);
        Assert.False(fallback.OnCuda);
        Assert.Equal([1], fallback.Label([0, 255, 0], 1, 1)); // a green pixel: class 1's logit (green) beats class 0's (red)
    }

    private static GroundedSamLabeller Labeller(float[] boxes, float[] scores, int classes) =>
        new(new BoxDetector(OnnxGraphs.Detector(boxes, scores, classes - 1), ModelPreprocessing.ImageNet, classes),
            new SamPrompter(OnnxGraphs.SamEncoder(Side), ModelPreprocessing.ImageNet, OnnxGraphs.SamBoxDecoder(Side)), classes);
}
