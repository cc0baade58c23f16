using System.Collections;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp;
using TorchSharp.PyBridge;

namespace Alc.Training.Models;

/// <summary>
/// Weights in PyTorch's own files, matched by <c>state_dict</c> name (TorchSharp.PyBridge): <c>torch.save(model.state_dict())</c>
/// zip files (<c>.pth</c>, <c>.pt</c>, <c>.bin</c>, …) and safetensors (<c>.safetensors</c>), the format chosen by the
/// extension. Because <see cref="ResNet"/> uses torchvision's names, a torchvision ResNet checkpoint loads into it directly.
/// </summary>
public static class StateDictFiles
{
    private const string BatchCountSuffix = "num_batches_tracked";

    /// <summary>
    /// Copies the file's tensors into <paramref name="module"/>'s parameters and buffers of the same name (on the
    /// module's device, converted to its dtypes). With <paramref name="keyPrefix"/>, only the file's entries under that
    /// prefix are used, without it (e.g. <c>backbone.</c> to take a segmentation checkpoint's backbone).
    /// </summary>
    /// <param name="module">The module to load into.</param>
    /// <param name="path">A PyTorch state-dict file or a safetensors file.</param>
    /// <param name="requireAll">
    /// Fail when the file lacks one of the module's entries (batch-norm <c>num_batches_tracked</c> counters excepted,
    /// which older PyTorch files do not have).
    /// </param>
    /// <param name="keyPrefix">Prefix of the file's names to select and strip; null or empty for all.</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A tensor's shape differs from the module's, or an entry is missing while <paramref name="requireAll"/>.</exception>
    public static StateDictLoadResult LoadInto(Module module, string path, bool requireAll = true, string? keyPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No weights file at '{path}'.", path);
        }

        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> source = Read(path, keyPrefix);
        Dictionary<string, Tensor> target = module.state_dict();
        var loaded = new List<string>();
        var missing = new List<string>();
        var mismatched = new List<string>();
        foreach ((string name, Tensor tensor) in target)
        {
            if (!source.TryGetValue(name, out Tensor? value))
            {
                missing.Add(name);
            }
            else if (!value.shape.SequenceEqual(tensor.shape))
            {
                mismatched.Add($"{name}: file [{string.Join(',', value.shape)}], module [{string.Join(',', tensor.shape)}]");
            }
        }

        if (mismatched.Count > 0)
        {
            throw new InvalidDataException($"'{path}' does not fit the module: {string.Join("; ", mismatched)}.");
        }

        List<string> required = [.. missing.Where(n => !n.EndsWith(BatchCountSuffix, StringComparison.Ordinal))];
        if (requireAll && required.Count > 0)
        {
            throw new InvalidDataException(
                $"'{path}' lacks {required.Count} of the module's entries: {string.Join(", ", required.Take(10))}{(required.Count > 10 ? ", …" : string.Empty)}.");
        }

        using (no_grad())
        {
            foreach ((string name, Tensor tensor) in target)
            {
                if (source.TryGetValue(name, out Tensor? value))
                {
                    tensor.copy_(value);
                    loaded.Add(name);
                }
            }
        }

        List<string> unexpected = [.. source.Keys.Where(k => !target.ContainsKey(k)).Order(StringComparer.Ordinal)];
        return new StateDictLoadResult(loaded, missing, unexpected);
    }

    /// <summary>
    /// Writes <paramref name="module"/>'s <c>state_dict</c> to <paramref name="path"/>: safetensors for a
    /// <c>.safetensors</c> extension, else PyTorch's zip format, which <c>torch.load</c> reads.
    /// </summary>
    public static void Save(Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(path);
        if (IsSafetensors(path))
        {
            module.save_safetensors(path);
        }
        else
        {
            module.save_py(path);
        }
    }

    private static bool IsSafetensors(string path) => string.Equals(Path.GetExtension(path), ".safetensors", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, Tensor> Read(string path, string? keyPrefix)
    {
        var entries = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        if (IsSafetensors(path))
        {
            foreach ((string key, Tensor value) in Safetensors.LoadStateDict(path))
            {
                Add(entries, key, value, keyPrefix);
            }
        }
        else
        {
            Hashtable table = PyTorchUnpickler.UnpickleStateDict(path);
            foreach (DictionaryEntry entry in table)
            {
                if (entry.Key is string key && entry.Value is Tensor value)
                {
                    Add(entries, key, value, keyPrefix);
                }
            }
        }

        return entries;
    }

    private static void Add(Dictionary<string, Tensor> entries, string key, Tensor value, string? keyPrefix)
    {
        if (string.IsNullOrEmpty(keyPrefix))
        {
            entries[key] = value;
        }
        else if (key.StartsWith(keyPrefix, StringComparison.Ordinal))
        {
            entries[key[keyPrefix.Length..]] = value;
        }
    }
}
