namespace Alc.Storage.Rounds;

/// <summary>A round's automated correction, stored with the round's queries.</summary>
/// <param name="ChangedPixels">Pixels whose label it changed.</param>
/// <param name="ChangesBlob">Blob of the changes (pixel, old and new label per image), replayed before the round's answers.</param>
/// <param name="RecordJson">What it measured, as JSON.</param>
public sealed record NewAutoCorrection(long ChangedPixels, string ChangesBlob, string RecordJson);
