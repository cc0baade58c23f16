namespace Alc.Core.Masks;

/// <summary>One object mask of an image (a SAM mask, a COCO annotation) with the class it was detected as.</summary>
/// <param name="Mask">Row-major mask, nonzero = inside; width·height values.</param>
/// <param name="ClassId">The class the mask is labelled with, or −1 when it only defines a region (SAM automatic masks).</param>
/// <param name="Score">Optional detection confidence, used to order masks of equal area (higher painted later).</param>
public sealed record ObjectMask(byte[] Mask, int ClassId = -1, double Score = 0);
