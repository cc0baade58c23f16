using Alc.Training.Models;
using Alc.Training.Models.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace Alc.Training.Tests.Models;

/// <summary>
/// The ImageNet ResNet-18 of Microsoft.ML.DnnImageFeaturizer.ResNet18 mapped onto <see cref="ResNet"/>, checked
/// against ONNX Runtime running the same file: the 512-d pooled features agree.
/// </summary>
[Collection(SerialTorchRandom.Name)]
public class ImageNetResNet18Tests
{
    private const int Side = 224;
    private const string InputName = "Input247";
    private const string OutputName = "Pooling395_Output_0";

    [Fact]
    public void The_graph_is_a_resnet18_with_separate_batch_norm_and_a_preprocessing_graph_beside_it()
    {
        OnnxGraph graph = OnnxGraph.Load(PretrainedFiles.ResNet18Onnx);

        Assert.Equal([1L, 3, Side, Side], Assert.Single(graph.Inputs, i => !graph.Initializers.ContainsKey(i.Name)).Dims);
        Assert.Equal(InputName, graph.Nodes[0].Inputs[0]);
        Assert.Equal([1L, 512, 1, 1], Assert.Single(graph.Outputs).Dims);
        Assert.Equal(OutputName, graph.Outputs[0].Name);
        List<OnnxNode> convs = [.. graph.Nodes.Where(n => n.OpType == "Conv")];
        Assert.Equal(22, convs.Count);
        Assert.All(convs, conv =>
        {
            Assert.Equal(2, conv.Inputs.Count);
            Assert.Equal("BatchNormalization", Assert.Single(graph.Consumers(conv.Outputs[0])).OpType);
        });
        Assert.Equal([3L, 3, 2, 2], convs[0].Ints("pads", []));
        // CNTK's "ResNet-18" has 2-2-2-3 basic blocks: nine residual sums, three of them in layer4 (512 channels).
        List<OnnxNode> adds = [.. graph.Nodes.Where(n => n.OpType == "Add")];
        Assert.Equal(9, adds.Count);
        Assert.Equal(9, ImageNetResNet18.BlockCounts.Sum());
        Assert.Equal([512L, 512, 3, 3], graph.Initializers[graph.Producer(graph.Producer(adds[8].Inputs[0])!.Inputs[0])!.Inputs[1]].Dims);

        // Preprocessing: Split RGB → Concat(B, G, R) → Sub(mean image); no division by a standard deviation.
        OnnxGraph preprocess = OnnxGraph.Load(PretrainedFiles.PreprocessOnnx);
        Assert.Equal(["Split", "Concat", "Sub"], preprocess.Nodes.Select(n => n.OpType));
        Assert.Equal(["BInp", "GInp", "RInp"], preprocess.Nodes[1].Inputs);
        Assert.Equal(["RInp", "GInp", "BInp"], preprocess.Nodes[0].Outputs);
        OnnxTensor meanImage = preprocess.Initializers[preprocess.Nodes[2].Inputs[1]];
        Assert.Equal([1L, 3, Side, Side], meanImage.Dims);
        for (int c = 0; c < 3; c++)
        {
            double average = meanImage.Floats.Skip(c * Side * Side).Take(Side * Side).Average(v => (double)v);
            Assert.Equal(ImageNetResNet18.ChannelMeanBgr[c], average, 1e-3);
        }
    }

    [Fact]
    public void Pooled_features_match_onnx_runtime_on_the_models_own_input()
    {
        float[] input = Bgr255MinusMean(new Random(18));
        float[] expected = RunOnnx(input);

        using ResNet backbone = ImageNetResNet18.CreateBackbone(outputStride: 32);
        ImageNetResNet18.LoadInto(backbone, PretrainedFiles.ResNet18Onnx, PretrainedInput.Bgr255MinusMean);
        float[] actual = Pooled(backbone, tensor(input, [1, 3, Side, Side]));

        double maxAbs = MaxAbsDifference(expected, actual);
        Console.WriteLine($"ONNX parity (BGR 0–255 minus mean): max |Δ| = {maxAbs:E3}, max |feature| = {expected.Max(Math.Abs):F3}");
        Assert.True(maxAbs < 1e-3, $"max |Δ| = {maxAbs}");
        Assert.True(expected.Max(Math.Abs) > 0.1, "features should not be trivially small");
    }

    [Fact]
    public void Folded_weights_take_normalized_rgb()
    {
        // The same photo-like image two ways: the ONNX model's preprocessing (BGR, minus the per-channel mean) into
        // ONNX Runtime, and ImageNormalization's normalized RGB into the backbone loaded with the fold.
        var random = new Random(34);
        byte[] rgb = SmoothImage(random);
        float[] onnxInput = new float[3 * Side * Side];
        float[] rgb255 = new float[3 * Side * Side];
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < Side * Side; i++)
            {
                rgb255[(c * Side * Side) + i] = rgb[(c * Side * Side) + i];
                onnxInput[((2 - c) * Side * Side) + i] = rgb[(c * Side * Side) + i] - ImageNetResNet18.ChannelMeanBgr[2 - c];
            }
        }

        float[] expected = RunOnnx(onnxInput);
        using ResNet backbone = ImageNetResNet18.CreateBackbone(outputStride: 32);
        ImageNetResNet18.LoadInto(backbone, PretrainedFiles.ResNet18Onnx);
        using TorchSharp.torch.Tensor raw = tensor(rgb255, [1, 3, Side, Side]);
        using TorchSharp.torch.Tensor normalized = ImageNormalization.Normalize(raw);
        float[] actual = Pooled(backbone, normalized);

        // Exact away from the border; within 3 pixels the zero padding differs by < 0.6 intensity levels.
        double maxAbs = MaxAbsDifference(expected, actual);
        Console.WriteLine($"ONNX parity (normalized RGB, folded): max |Δ| = {maxAbs:E3}, max |feature| = {expected.Max(Math.Abs):F3}");
        Assert.True(maxAbs < 2e-2, $"max |Δ| = {maxAbs}");
    }

    [Fact]
    public void Loading_into_another_layout_is_refused()
    {
        using ResNet torchvision18 = ResNet.Create(18);
        using ResNet resnet50 = ResNet.Create(50);

        var ex = Assert.Throws<ArgumentException>(() => ImageNetResNet18.LoadInto(torchvision18, PretrainedFiles.ResNet18Onnx));
        Assert.Contains("basic blocks 2-2-2-3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("basic blocks 2-2-2-2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ImageNetResNet18.LoadInto(resnet50, PretrainedFiles.ResNet18Onnx));
        Assert.Equal(15_897_152L, SegmentationModels.ParameterCount(ImageNetResNet18.CreateBackbone()));
    }

    [Fact]
    public void The_model_file_is_found_in_the_package_cache()
    {
        string path = PretrainedFiles.ResNet18Onnx;

        Assert.EndsWith(Path.Combine("ResNet18Onnx", "ResNet18.onnx"), path, StringComparison.Ordinal);
        Assert.Null(ImageNetResNet18.FindModelFile(Path.Combine(Path.GetTempPath(), "no-packages-here")));
    }

    private static float[] RunOnnx(float[] input)
    {
        using var session = new InferenceSession(PretrainedFiles.ResNet18Onnx);
        var tensorInput = new DenseTensor<float>(input, [1, 3, Side, Side]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> outputs = session.Run([NamedOnnxValue.CreateFromTensor(InputName, tensorInput)]);
        return [.. Assert.Single(outputs).AsEnumerable<float>()];
    }

    private static float[] Pooled(ResNet backbone, TorchSharp.torch.Tensor input)
    {
        backbone.eval();
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        return backbone.call(input).HighLevel.mean([2, 3]).data<float>().ToArray();
    }

    /// <summary>Random intensities 0–255 per pixel and channel, BGR, minus the per-channel means.</summary>
    private static float[] Bgr255MinusMean(Random random)
    {
        var values = new float[3 * Side * Side];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 255) - ImageNetResNet18.ChannelMeanBgr[i / (Side * Side)];
        }

        return values;
    }

    /// <summary>A planar RGB image of a few soft colour blobs, closer to a photo than noise.</summary>
    private static byte[] SmoothImage(Random random)
    {
        var blobs = Enumerable.Range(0, 6).Select(_ => (X: random.Next(Side), Y: random.Next(Side), R: 20 + random.Next(60),
            Color: new[] { random.Next(256), random.Next(256), random.Next(256) })).ToArray();
        var rgb = new byte[3 * Side * Side];
        for (int y = 0; y < Side; y++)
        {
            for (int x = 0; x < Side; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    double value = 60 + (40.0 * x / Side);
                    foreach (var blob in blobs)
                    {
                        double d2 = ((x - blob.X) * (x - blob.X)) + ((y - blob.Y) * (y - blob.Y));
                        value += (blob.Color[c] - value) * Math.Exp(-d2 / (2.0 * blob.R * blob.R));
                    }

                    rgb[(c * Side * Side) + (y * Side) + x] = (byte)Math.Clamp(Math.Round(value), 0, 255);
                }
            }
        }

        return rgb;
    }

    private static double MaxAbsDifference(float[] expected, float[] actual)
    {
        Assert.Equal(512, expected.Length);
        Assert.Equal(512, actual.Length);
        return expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
    }
}
