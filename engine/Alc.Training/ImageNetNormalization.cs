using static TorchSharp.torch;
using TorchSharp;
using TorchSharp.Utils;

namespace Alc.Training;

/// <summary>ImageNet mean/std normalisation of RGB/255, the input convention of ImageNet-pretrained backbones.</summary>
internal static class ImageNetNormalization
{
    /// <summary>Per-channel mean of RGB/255.</summary>
    public static readonly float[] Mean = [0.485f, 0.456f, 0.406f];

    /// <summary>Per-channel standard deviation of RGB/255.</summary>
    public static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>(x/255 − mean)/std per channel of a float batch [N, 3, H, W] with values in [0, 255].</summary>
    public static Tensor Normalize(Tensor rgb255)
    {
        float[] scale = new float[3];
        float[] offset = new float[3];
        for (int c = 0; c < 3; c++)
        {
            scale[c] = 1f / (255f * Std[c]);
            offset[c] = Mean[c] / Std[c];
        }

        using Tensor scaleTensor = tensor(scale, [1, 3, 1, 1], device: rgb255.device);
        using Tensor offsetTensor = tensor(offset, [1, 3, 1, 1], device: rgb255.device);
        using Tensor scaled = rgb255 * scaleTensor;
        return scaled - offsetTensor;
    }

    /// <summary>
    /// A normalised float batch [N, 3, H, W] on <paramref name="device"/> from N interleaved RGB images of one size:
    /// the bytes are gathered into one host tensor, copied to the device once, and converted there.
    /// </summary>
    public static Tensor FromSamples(IReadOnlyList<SegmentationSample> images, Device device)
    {
        int height = images[0].Height;
        int width = images[0].Width;
        long bytes = (long)height * width * 3;
        using Tensor host = empty([images.Count, height, width, 3], ScalarType.Byte);
        using TensorAccessor<byte> data = host.data<byte>();
        for (int i = 0; i < images.Count; i++)
        {
            data.CopyFrom(images[i].Rgb, 0, i * bytes);
        }

        using Tensor onDevice = host.to(device);
        using Tensor nchw = onDevice.permute(0, 3, 1, 2);
        using Tensor asFloat = nchw.to_type(ScalarType.Float32);
        return Normalize(asFloat);
    }
}
