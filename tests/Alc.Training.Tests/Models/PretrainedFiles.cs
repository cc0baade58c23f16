using System.Reflection;
using Alc.Training.Models;

namespace Alc.Training.Tests.Models;

/// <summary>The package files the pretrained-weight tests read, in the NuGet cache the build restored into.</summary>
internal static class PretrainedFiles
{
    /// <summary>The build's NuGetPackageRoot (recorded in the test assembly's metadata).</summary>
    public static string PackageRoot =>
        typeof(PretrainedFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value
        ?? throw new InvalidOperationException("The build recorded no NuGetPackageRoot.");

    /// <summary>ResNet18.onnx of Microsoft.ML.DnnImageFeaturizer.ResNet18 (the test project's PackageDownload).</summary>
    public static string ResNet18Onnx => ImageNetResNet18.FindModelFile(PackageRoot)
        ?? throw new FileNotFoundException($"{ImageNetResNet18.PackageId} {ImageNetResNet18.PackageVersion} is not in {PackageRoot}: restore the test project.");

    /// <summary>ResNetPreprocess.onnx of the same package.</summary>
    public static string PreprocessOnnx => Path.Combine(PackageRoot, ImageNetResNet18.PackageId, ImageNetResNet18.PackageVersion, ImageNetResNet18.PreprocessPathInPackage);
}
