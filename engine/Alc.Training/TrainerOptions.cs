namespace Alc.Training;

/// <summary>
/// How a segmentation model is trained (paper App. D): pixel-wise cross-entropy with ignore index 255, SGD
/// with momentum and weight decay, poly learning-rate decay, random scale + crop + horizontal flip.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>Model name, e.g. <c>fcn-small</c> or <c>deeplabv3plus-resnet18</c>.</summary>
    public string Model { get; init; } = Models.SegmentationModels.FcnSmallName;

    /// <summary>Number of classes L.</summary>
    public int ClassCount { get; init; } = 8;

    /// <summary>Optimiser steps.</summary>
    public int Iterations { get; init; } = 200;

    /// <summary>Images per step.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Side of the square training crops.</summary>
    public int CropSize { get; init; } = 96;

    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Poly decay power: lr = base·(1 − it/iterations)^power.</summary>
    public double PolyPower { get; init; } = 0.9;

    /// <summary>Smallest random scale.</summary>
    public double ScaleMin { get; init; } = 0.5;

    /// <summary>Largest random scale.</summary>
    public double ScaleMax { get; init; } = 2.0;

    /// <summary>Random horizontal flips.</summary>
    public bool Flip { get; init; } = true;

    /// <summary>Seed of initialisation, sampling and augmentation.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Where to train.</summary>
    public DevicePreference Device { get; init; } = DevicePreference.Auto;

    /// <summary>Images per inference batch.</summary>
    public int InferenceBatchSize { get; init; } = 16;
}
