using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alc.Core.World;
using Alc.Training;
using Alc.Training.Models;
using TorchSharp;

namespace Alc.Bench;

/// <summary>One model's training speed in the project's trainer and in PyTorch, measured in the same run.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Parameters">Trainable parameters of the project's model (the PyTorch twin must have as many).</param>
/// <param name="PyTorchParameters">Trainable parameters of the PyTorch twin.</param>
/// <param name="ProjectIterationsPerSecond">Steps per second of <see cref="SegmentationTrainer"/> with its data pipeline (sampling, scale-crop-flip, batching).</param>
/// <param name="PyTorchIterationsPerSecond">Steps per second of the same step in PyTorch on one fixed random batch.</param>
/// <param name="Threads">CPU threads both used.</param>
/// <param name="PyTorchVersion">The PyTorch that ran.</param>
public sealed record TrainingSpeed(string Model, long Parameters, long PyTorchParameters, double ProjectIterationsPerSecond, double PyTorchIterationsPerSecond,
    int Threads, string PyTorchVersion)
{
    /// <summary>The project's speed as a share of PyTorch's.</summary>
    public double Ratio => ProjectIterationsPerSecond / PyTorchIterationsPerSecond;
}

/// <summary>
/// Training speed against PyTorch: the bench's training step (batch, crop and classes as <c>alc-engine bench</c> trains,
/// SGD with momentum, cross-entropy ignoring 255) run by the project's <see cref="SegmentationTrainer"/> on real world
/// images through its whole data pipeline, and by a layer-for-layer PyTorch twin of the model
/// (<c>PyTorch/train_step.py</c>, on one fixed batch, no data pipeline) in Debian's <c>python3-torch</c>, with the same
/// number of CPU threads. Warm-up steps are left out of both.
/// </summary>
public static class TrainingSpeedBenchmark
{
    /// <summary>The Python that has Debian's <c>python3-torch</c> (a pyenv or venv Python earlier on PATH would not).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Measures <paramref name="models"/>.</summary>
    /// <param name="models">Model names (those both sides define: fcn-small, deeplabv3plus-resnet18).</param>
    /// <param name="iterations">Measured steps per side and model.</param>
    /// <param name="warmup">Steps run first and not measured.</param>
    /// <param name="batch">Batch size.</param>
    /// <param name="crop">Crop side.</param>
    /// <param name="progress">What is running.</param>
    public static IReadOnlyList<TrainingSpeed> Run(IReadOnlyList<string> models, int iterations, int warmup = 3, int batch = 8, int crop = 96,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        string script = Path.Combine(AppContext.BaseDirectory, "PyTorch", "train_step.py");
        var world = new WorldOptions { Seed = 1 };
        var samples = SyntheticWorld.Generate(world).Where(i => i.Split == "train")
            .Select(i => new SegmentationSample(i.Size, i.Size, i.Rgb, i.Pseudo)).ToList();
        int threads = torch.get_num_threads();
        var results = new List<TrainingSpeed>();
        foreach (string model in models)
        {
            progress?.Report($"{model}: the project's trainer");
            var (projectSpeed, parameters) = Project(model, samples, world.Classes, iterations, warmup, batch, crop);
            progress?.Report($"{model}: PyTorch");
            using var twin = RunPython(script, model, world.Classes, batch, crop, iterations, warmup, threads);
            var root = twin.RootElement;
            results.Add(new TrainingSpeed(model, parameters, root.GetProperty("parameters").GetInt64(), projectSpeed,
                root.GetProperty("iterationsPerSecond").GetDouble(), threads, root.GetProperty("torch").GetString()!));
        }

        return results;
    }

    // Steps per second of the real trainer between the end of the warm-up and the last step, and the model's parameter count.
    private static (double IterationsPerSecond, long Parameters) Project(string model, List<SegmentationSample> samples, int classes, int iterations, int warmup,
        int batch, int crop)
    {
        var options = new TrainerOptions
        {
            Model = model, ClassCount = classes, Iterations = warmup + iterations, BatchSize = batch, CropSize = crop, LearningRate = 0.05,
            Device = DevicePreference.Cpu, Seed = 1,
        };
        var trainer = new SegmentationTrainer(options, SegmentationModels.Create);
        var clock = Stopwatch.StartNew();
        var at = new double[options.Iterations + 1];
        using (trainer.Train(samples, null, new StepClock(at, clock), CancellationToken.None) as IDisposable)
        {
        }

        using var fresh = SegmentationModels.Create(model, classes, torch.CPU);
        long parameters = fresh.parameters().Sum(p => p.numel());
        return (iterations / (at[options.Iterations] - at[warmup]), parameters);
    }

    private static JsonDocument RunPython(string script, string model, int classes, int batch, int crop, int iterations, int warmup, int threads)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: apt-get install -y python3-torch (Debian 12's PyTorch 1.13).");
        }

        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                script, "--model", model, "--classes", Text(classes), "--batch", Text(batch), "--crop", Text(crop),
                "--iterations", Text(iterations), "--warmup", Text(warmup), "--threads", Text(threads),
            },
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string error = stderr.Result;
            throw new InvalidOperationException(error.Contains("No module named 'torch'", StringComparison.Ordinal)
                ? "PyTorch is not installed for /usr/bin/python3: apt-get install -y python3-torch (Debian 12's PyTorch 1.13)."
                : $"The PyTorch step failed ({process.ExitCode}): {error}");
        }

        return JsonDocument.Parse(stdout);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Records when each step ends (synchronously, on the training thread: Progress<T> would post to a context and lag).
    private sealed class StepClock(double[] at, Stopwatch clock) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => at[value.Iteration] = clock.Elapsed.TotalSeconds;
    }
}
