using System.Globalization;
using System.Reflection;
using TorchSharp;

namespace Alc.Training;

/// <summary>
/// The one place where the training code chooses its device: CUDA when available (or when asked for), else the
/// CPU. Creating it loads TorchSharp's native libraries, so it is also the first thing to fail, with a clear
/// message, where they cannot load.
/// </summary>
public sealed class TorchRuntime
{
    private TorchRuntime(torch.Device device)
    {
        Device = device;
    }

    /// <summary>The device tensors and models are placed on.</summary>
    public torch.Device Device { get; }

    /// <summary>True when <see cref="Device"/> is a CUDA device.</summary>
    public bool IsCuda => Device.type == DeviceType.CUDA;

    /// <summary>The TorchSharp managed library's version, e.g. <c>0.107.0</c>.</summary>
    public static string TorchSharpVersion
    {
        get
        {
            Assembly assembly = typeof(torch).Assembly;
            string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (!string.IsNullOrEmpty(informational))
            {
                int metadata = informational.IndexOf('+', StringComparison.Ordinal);
                return metadata >= 0 ? informational[..metadata] : informational;
            }

            return assembly.GetName().Version?.ToString(3) ?? "unknown";
        }
    }

    /// <summary>The libtorch version TorchSharp binds, as its <c>torch.__version__</c> reports it, e.g. <c>2.10.0.0</c>.</summary>
    public static string LibTorchVersion => torch.__version__;

    /// <summary>Chooses the device for <paramref name="preference"/>, asking TorchSharp whether CUDA is available unless the CPU is asked for.</summary>
    /// <exception cref="InvalidOperationException"><see cref="DevicePreference.Cuda"/> was asked for and CUDA is not available.</exception>
    public static TorchRuntime Create(DevicePreference preference = DevicePreference.Auto)
    {
        bool cudaAvailable = preference != DevicePreference.Cpu && torch.cuda.is_available();
        return new TorchRuntime(new torch.Device(ChooseDeviceType(preference, cudaAvailable)));
    }

    /// <summary>The device type for <paramref name="preference"/> given whether CUDA is available: the whole selection rule.</summary>
    /// <exception cref="InvalidOperationException"><see cref="DevicePreference.Cuda"/> was asked for and CUDA is not available.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preference"/> is not a defined value.</exception>
    public static DeviceType ChooseDeviceType(DevicePreference preference, bool cudaAvailable) => preference switch
    {
        DevicePreference.Auto => cudaAvailable ? DeviceType.CUDA : DeviceType.CPU,
        DevicePreference.Cpu => DeviceType.CPU,
        DevicePreference.Cuda when cudaAvailable => DeviceType.CUDA,
        DevicePreference.Cuda => throw new InvalidOperationException(
            "CUDA was asked for but TorchSharp reports it unavailable: this build ships the CPU libtorch; on a GPU machine put torch's and CUDA's libraries on LD_LIBRARY_PATH."),
        _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, "Unknown device preference."),
    };

    /// <summary>One line for logs: TorchSharp and libtorch versions, the device, and the CPU threads libtorch uses.</summary>
    public string Describe() => string.Format(
        CultureInfo.InvariantCulture,
        "TorchSharp {0}, libtorch {1}, device {2}, {3} CPU threads",
        TorchSharpVersion,
        LibTorchVersion,
        Device,
        torch.get_num_threads());
}
