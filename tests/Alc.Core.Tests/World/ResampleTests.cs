using Alc.Core.World;

namespace Alc.Core.Tests.World;

/// <summary>Bilinear resampling with aligned pixel centres, as the photo world scales its items.</summary>
public sealed class ResampleTests
{
    [Fact]
    public void Between_pixels_the_intensity_is_interpolated_and_edges_are_clamped()
    {
        byte[] photo = [0, 100, 200, 40];
        Assert.Equal(85, Resample.At(photo, 2, 0.5, 0.5), 6);   // (0 + 100 + 200 + 40) / 4
        Assert.Equal(50, Resample.At(photo, 2, 0.5, 0), 6);
        Assert.Equal(0, Resample.At(photo, 2, -3, -3), 6);
        Assert.Equal(40, Resample.At(photo, 2, 9, 9), 6);
    }

    [Fact]
    public void Doubling_keeps_the_corners_and_blends_inside()
    {
        byte[] photo = [0, 100, 200, 40];
        var big = Resample.Square(photo, 2, 4);
        // Target centre 0.5 maps to source −0.25 (clamped to 0); target 1.5 maps to 0.25.
        Assert.Equal(new byte[] { 0, 25, 75, 100, 50, 59, 76, 85 }, big[..8]); // row 2 at 0.25: ¾ of row 1 + ¼ of row 2
        Assert.Equal(photo, Resample.Square(photo, 2, 2));
    }
}
