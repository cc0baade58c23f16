namespace Alc.Imaging.Maps;

/// <summary>How a label map is stored as PNG.</summary>
public enum LabelMapEncoding
{
    /// <summary>8-bit palette PNG with the 256-entry PASCAL VOC colormap (<see cref="Alc.Core.Maps.VocPalette"/>): viewable, read back by index.</summary>
    VocPalette = 0,

    /// <summary>8-bit grayscale PNG whose gray level is the class id.</summary>
    Gray8 = 1,
}
