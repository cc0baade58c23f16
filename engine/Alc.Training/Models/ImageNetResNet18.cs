using Alc.Training.Models.Onnx;
using static TorchSharp.torch;

namespace Alc.Training.Models;

/// <summary>
/// ImageNet weights for a ResNet-18-style backbone from the NuGet package <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>
/// 0.23.1 (MIT), file <see cref="ModelPathInPackage"/>: ML.NET's featurizer, a CNTK export with torchvision's block
/// design (7×7 stem, basic blocks, stride on the first 3×3 convolution, 1×1 stride-2 downsample) and batch norm kept as
/// separate <c>BatchNormalization</c> nodes (ε = 10⁻⁵), input <c>Input247</c> [1,3,224,224], output
/// <c>Pooling395_Output_0</c> [1,512,1,1] (7×7 average of <c>layer4</c>).
/// <para>
/// Its layout is not quite torchvision's ResNet-18: the graph stacks 2-2-2-<b>3</b> basic blocks (22 convolutions,
/// nine residual sums, three of them at 512 channels), so the weights go into a <see cref="ResNet"/> of
/// <see cref="BlockCounts"/> (<see cref="CreateBackbone"/>, 15,897,152 parameters), whose extra block is
/// <c>layer4.2</c>. A torchvision 2-2-2-2 ResNet-18 is refused rather than silently loaded without that block.
/// </para>
/// <para>
/// Its expected input, read from the package's <c>ResNetPreprocess.onnx</c>: RGB in 0–255, reordered to BGR, minus a
/// 224×224 mean image (per-channel averages <see cref="ChannelMeanBgr"/>); no scaling by a standard deviation. CNTK's
/// asymmetric paddings (7×7 stem: 3 before, 2 after; stride-2 3×3 and pooling: 1 before, 0 after) equal torch's
/// symmetric ones on even-sized inputs, so at 224×224 the graph and <see cref="ResNet"/> (output stride 32) compute the
/// same function.
/// </para>
/// </summary>
public static class ImageNetResNet18
{
    /// <summary>The package's id as folders in the NuGet cache spell it.</summary>
    public const string PackageId = "microsoft.ml.dnnimagefeaturizer.resnet18";

    /// <summary>The package version whose file was checked.</summary>
    public const string PackageVersion = "0.23.1";

    /// <summary>The model's path inside the package.</summary>
    public const string ModelPathInPackage = "tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx";

    /// <summary>The preprocessing model's path inside the package (RGB → BGR, minus the mean image).</summary>
    public const string PreprocessPathInPackage = "tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>Batch-norm epsilon of <see cref="ResNet"/> (torch's default).</summary>
    private const double TorchEpsilon = 1e-5;

    /// <summary>Blocks per layer of the packaged network: 2, 2, 2, 3.</summary>
    public static IReadOnlyList<int> BlockCounts { get; } = [2, 2, 2, 3];

    /// <summary>Per-channel averages (B, G, R, in 0–255) of the mean image <c>ResNetPreprocess.onnx</c> subtracts.</summary>
    public static IReadOnlyList<float> ChannelMeanBgr { get; } = [103.06262f, 115.902885f, 123.151634f];

    /// <summary>
    /// The model file in a NuGet packages folder: <paramref name="packagesFolder"/> if given, else
    /// <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>; null when it is not there (restore a project that names
    /// the package, e.g. the test project's <c>PackageDownload</c>).
    /// </summary>
    public static string? FindModelFile(string? packagesFolder = null)
    {
        IEnumerable<string?> folders = packagesFolder is not null
            ? [packagesFolder]
            : [Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
               Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")];
        return folders
            .Where(f => !string.IsNullOrEmpty(f))
            .Select(f => Path.Combine(f!, PackageId, PackageVersion, ModelPathInPackage))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>A randomly initialised backbone of the packaged layout (<see cref="BlockCounts"/>), ready for <see cref="LoadInto"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputStride"/> is not 8, 16 or 32.</exception>
    public static ResNet CreateBackbone(int outputStride = 16, Device? device = null) =>
        new(ResNetBlockKind.Basic, BlockCounts, outputStride, device);

    /// <summary>
    /// Overwrites every parameter and batch-norm statistic of <paramref name="backbone"/> (of the layout
    /// <see cref="CreateBackbone"/> makes, any output stride) with the ImageNet weights in <paramref name="onnxPath"/>,
    /// mapped by walking the graph (see <see cref="PretrainedInput"/> for the input the result expects).
    /// <c>num_batches_tracked</c> is left alone.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="backbone"/> is not of basic blocks 2-2-2-3.</exception>
    /// <exception cref="FileNotFoundException">No file at <paramref name="onnxPath"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a ResNet-18 this mapping understands.</exception>
    public static void LoadInto(ResNet backbone, string onnxPath, PretrainedInput input = PretrainedInput.NormalizedRgb)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(onnxPath);
        if (backbone.Block != ResNetBlockKind.Basic || !backbone.BlockCounts.SequenceEqual(BlockCounts))
        {
            throw new ArgumentException(
                $"The packaged network has basic blocks {string.Join('-', BlockCounts)} (CNTK's ResNet-18); this backbone has "
                + $"{backbone.Block.ToString().ToLowerInvariant()} blocks {string.Join('-', backbone.BlockCounts)}. Use ImageNetResNet18.CreateBackbone.",
                nameof(backbone));
        }

        if (!File.Exists(onnxPath))
        {
            throw new FileNotFoundException($"No ONNX model at '{onnxPath}'.", onnxPath);
        }

        Dictionary<string, (float[] Values, long[] Shape)> entries =
            OnnxResNetMapping.BasicBlockStateDict(OnnxGraph.Load(onnxPath), backbone.BlockCounts, TorchEpsilon);
        if (input == PretrainedInput.NormalizedRgb)
        {
            FoldNormalization(entries);
        }

        Copy(backbone, entries, onnxPath);
    }

    /// <summary>
    /// Rewrites <c>conv1</c> and <c>bn1</c> so the network takes x = (p/255 − μ)/σ in RGB order instead of
    /// y = p_BGR − m: with W' [o,c] = 255·σ_c·W[o,2−c] the convolution of x equals that of y minus the constant
    /// Σ_c (255·μ_c − m_c)·Σ_k W[o,2−c,k] away from the padding, which <c>bn1</c>'s running mean absorbs.
    /// </summary>
    private static void FoldNormalization(Dictionary<string, (float[] Values, long[] Shape)> entries)
    {
        (float[] weight, long[] shape) = entries["conv1.weight"];
        (float[] runningMean, long[] meanShape) = entries["bn1.running_mean"];
        int outChannels = (int)shape[0];
        int inChannels = (int)shape[1];
        int kernel = (int)(shape[2] * shape[3]);
        var folded = new float[weight.Length];
        float[] mean = (float[])runningMean.Clone();
        for (int o = 0; o < outChannels; o++)
        {
            double offset = 0;
            for (int c = 0; c < inChannels; c++)
            {
                int bgr = inChannels - 1 - c;
                double scale = 255.0 * ImageNormalization.Std[c];
                double shift = (255.0 * ImageNormalization.Mean[c]) - ChannelMeanBgr[bgr];
                int source = ((o * inChannels) + bgr) * kernel;
                int target = ((o * inChannels) + c) * kernel;
                for (int k = 0; k < kernel; k++)
                {
                    folded[target + k] = (float)(scale * weight[source + k]);
                    offset += shift * weight[source + k];
                }
            }

            mean[o] = (float)(mean[o] - offset);
        }

        entries["conv1.weight"] = (folded, shape);
        entries["bn1.running_mean"] = (mean, meanShape);
    }

    private static void Copy(ResNet backbone, Dictionary<string, (float[] Values, long[] Shape)> entries, string onnxPath)
    {
        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> target = backbone.state_dict();
        List<string> missing = [.. target.Keys.Where(k => !entries.ContainsKey(k) && !k.EndsWith("num_batches_tracked", StringComparison.Ordinal))];
        List<string> extra = [.. entries.Keys.Where(k => !target.ContainsKey(k))];
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidDataException(
                $"'{onnxPath}' maps onto the backbone incompletely: missing {string.Join(", ", missing)}; unknown {string.Join(", ", extra)}.");
        }

        using (no_grad())
        {
            foreach ((string name, (float[] values, long[] shape)) in entries)
            {
                Tensor destination = target[name];
                if (!destination.shape.SequenceEqual(shape))
                {
                    throw new InvalidDataException(
                        $"'{onnxPath}': {name} is [{string.Join(',', shape)}] in the model file and [{string.Join(',', destination.shape)}] in the backbone.");
                }

                destination.copy_(tensor(values, shape));
            }
        }
    }
}
