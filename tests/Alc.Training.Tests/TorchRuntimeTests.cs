using TorchSharp;

namespace Alc.Training.Tests;

public class TorchRuntimeTests
{
    [Theory]
    [InlineData(DevicePreference.Auto, false, DeviceType.CPU)]
    [InlineData(DevicePreference.Auto, true, DeviceType.CUDA)]
    [InlineData(DevicePreference.Cpu, false, DeviceType.CPU)]
    [InlineData(DevicePreference.Cpu, true, DeviceType.CPU)]
    [InlineData(DevicePreference.Cuda, true, DeviceType.CUDA)]
    public void Chooses_cuda_when_available_unless_the_cpu_is_asked_for(DevicePreference preference, bool cudaAvailable, DeviceType expected)
    {
        Assert.Equal(expected, TorchRuntime.ChooseDeviceType(preference, cudaAvailable));
    }

    [Fact]
    public void Asking_for_cuda_without_it_fails_with_a_reason()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TorchRuntime.ChooseDeviceType(DevicePreference.Cuda, cudaAvailable: false));
        Assert.Contains("CUDA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_undefined_preference()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.ChooseDeviceType((DevicePreference)7, cudaAvailable: true));
    }

    [Fact]
    public void Auto_on_this_cpu_package_picks_the_cpu()
    {
        // TorchSharp-cpu ships no CUDA libtorch, so CUDA is never available to these tests.
        TorchRuntime runtime = TorchRuntime.Create();

        Assert.False(torch.cuda.is_available());
        Assert.False(runtime.IsCuda);
        Assert.Equal(DeviceType.CPU, runtime.Device.type);
        Assert.Throws<InvalidOperationException>(() => TorchRuntime.Create(DevicePreference.Cuda));
    }

    [Fact]
    public void Describes_versions_and_device()
    {
        string description = TorchRuntime.Create(DevicePreference.Cpu).Describe();

        Assert.StartsWith("TorchSharp 0.107.0, libtorch 2.10.0", description, StringComparison.Ordinal);
        Assert.Contains("device cpu", description, StringComparison.Ordinal);
        Assert.EndsWith("CPU threads", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensors_land_on_the_chosen_device()
    {
        TorchRuntime runtime = TorchRuntime.Create(DevicePreference.Cpu);
        using var scope = torch.NewDisposeScope();

        torch.Tensor t = torch.zeros(2, 3, device: runtime.Device);

        Assert.Equal(DeviceType.CPU, t.device_type);
        Assert.Equal([2L, 3L], t.shape);
    }
}
