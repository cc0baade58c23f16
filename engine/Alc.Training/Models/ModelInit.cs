using TorchSharp;
using TorchSharp.Modules;

namespace Alc.Training.Models;

/// <summary>
/// The initialisation torchvision gives ResNets and DeepLab heads: He-normal convolutions (fan-out, ReLU gain) and
/// batch normalization starting as the identity (weight 1, bias 0).
/// </summary>
internal static class ModelInit
{
    /// <summary>He-normal weights with fan-out mode; the bias, if any, zero.</summary>
    public static void KaimingConv(Conv2d conv)
    {
        using var noGrad = torch.no_grad();
        torch.nn.init.kaiming_normal_(conv.weight, mode: torch.nn.init.FanInOut.FanOut, nonlinearity: torch.nn.init.NonlinearityType.ReLU);
        if (conv.bias is { } bias)
        {
            torch.nn.init.zeros_(bias);
        }
    }

    /// <summary>Weight 1, bias 0.</summary>
    public static void UnitNorm(BatchNorm2d bn)
    {
        using var noGrad = torch.no_grad();
        torch.nn.init.ones_(bn.weight!);
        torch.nn.init.zeros_(bn.bias!);
    }
}
