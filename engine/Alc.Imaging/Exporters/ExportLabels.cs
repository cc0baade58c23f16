namespace Alc.Imaging.Exporters;

/// <summary>Which labels of a dataset folder to export.</summary>
public enum ExportLabels
{
    /// <summary>pseudo/: the current labels of an offline dataset.</summary>
    Pseudo,

    /// <summary>gt/: the ground truth.</summary>
    Gt,
}
