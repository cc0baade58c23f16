namespace Alc.Core.World;

/// <summary>The photos a <see cref="PhotoWorld"/> is made from.</summary>
/// <param name="ClassNames">The item classes in label order; the world's class c + 1 is item class c (0 is background).</param>
/// <param name="Items">Photos placed in the scenes.</param>
/// <param name="Shots">A disjoint pool the weak classifier's few training examples are drawn from, so it never sees a scene's item.</param>
public sealed record PhotoCatalog(IReadOnlyList<string> ClassNames, IReadOnlyList<ItemPhoto> Items, IReadOnlyList<ItemPhoto> Shots)
{
    /// <summary>Throws <see cref="ArgumentException"/> when the catalog cannot make a world.</summary>
    public void Validate()
    {
        if (ClassNames.Count is < 1 or > WorldClasses.MaxClasses - 1)
        {
            throw new ArgumentException($"A photo catalog needs 1..{WorldClasses.MaxClasses - 1} item classes (got {ClassNames.Count}).");
        }

        if (Items.Count == 0)
        {
            throw new ArgumentException("A photo catalog needs at least one item photo.");
        }

        int side = Items[0].Side;
        foreach (var photo in Items.Concat(Shots))
        {
            if (photo.Side != side)
            {
                throw new ArgumentException($"The catalog's photos must share one side: {photo.Side} against {side}.");
            }

            if (photo.Side < 2 || photo.Pixels.Length != photo.Side * photo.Side || photo.Label < 0 || photo.Label >= ClassNames.Count)
            {
                throw new ArgumentException($"An item photo has side {photo.Side}, {photo.Pixels.Length} pixels and label {photo.Label}: it must be side² pixels with a label in 0..{ClassNames.Count - 1}.");
            }
        }
    }
}
