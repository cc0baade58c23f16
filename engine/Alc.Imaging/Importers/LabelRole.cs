namespace Alc.Imaging.Importers;

/// <summary>Which label folder an importer fills.</summary>
public enum LabelRole
{
    /// <summary>pseudo/: the initial, noisy labels D0 to be corrected.</summary>
    Pseudo,

    /// <summary>gt/: ground truth, for measuring (and for simulated oracles).</summary>
    Gt,
}
