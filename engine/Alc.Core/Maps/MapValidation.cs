namespace Alc.Core.Maps;

/// <summary>Shared size checks and pixel descriptions for the map constructors' error messages.</summary>
internal static class MapValidation
{
    /// <summary>Largest side accepted, so that width·height·L cannot overflow an int index for L ≤ 255.</summary>
    public const int MaxSide = 1 << 15;

    public static void RequireSize(int width, int height, long length, int valuesPerPixel, string paramName)
    {
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide)
        {
            throw new ArgumentException($"Image size {width}×{height} is out of range: each side must be 1..{MaxSide}.", paramName);
        }

        long expected = (long)width * height * valuesPerPixel;
        if (expected > Array.MaxLength)
        {
            throw new ArgumentException($"Image size {width}×{height} with {valuesPerPixel} values per pixel exceeds the largest array .NET can hold.", paramName);
        }

        if (length != expected)
        {
            string what = valuesPerPixel == 1 ? "values" : $"values ({valuesPerPixel} per pixel)";
            throw new ArgumentException($"Expected {expected} {what} for a {width}×{height} image, got {length}.", paramName);
        }
    }

    /// <summary>"(x=3, y=1)" for a linear index, so messages name the offending pixel.</summary>
    public static string Describe(int pixel, int width) => $"(x={pixel % width}, y={pixel / width})";
}
