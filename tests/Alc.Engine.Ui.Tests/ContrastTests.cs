using System.Globalization;
using System.Text.RegularExpressions;

namespace Alc.Engine.Ui.Tests;

/// <summary>
/// WCAG 2 contrast of the page's colour pairs, read from the shipped style sheet: text at least 4.5:1 (AA), the focus
/// ring at least 3:1 against the page (non-text). A colour changed in style.css without checking fails here.
/// </summary>
public sealed partial class ContrastTests
{
    public static TheoryData<string, string, double> Pairs() => new()
    {
        { "var(--ink)", "var(--paper)", 4.5 },
        { "var(--muted)", "var(--paper)", 4.5 },
        { "var(--muted)", "var(--panel)", 4.5 },
        { "var(--accent-ink)", "var(--accent)", 4.5 },
        { "var(--error)", "var(--paper)", 4.5 },
        { "#fff", "#16324f", 4.5 },   // header
        { "#4a4a4a", "#e4e4e2", 4.5 }, // disabled buttons
        { "#fff", "#1b1b1b", 4.5 },   // toast
        { "var(--focus)", "var(--paper)", 3.0 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_colour_pair_meets_its_contrast(string foreground, string background, double minimum)
    {
        string css = File.ReadAllText(StyleSheet());
        Assert.Contains(foreground.StartsWith("var(", StringComparison.Ordinal) ? foreground[4..^1] : foreground, css, StringComparison.Ordinal);
        double ratio = Ratio(Resolve(css, foreground), Resolve(css, background));
        Assert.True(ratio >= minimum, $"{foreground} on {background}: {ratio:F2}:1 < {minimum}:1");
    }

    [Fact]
    public void The_ratio_matches_hand_computed_values()
    {
        // Black on white is the maximum, (1 + 0.05) / (0 + 0.05) = 21; a colour on itself is 1.
        Assert.Equal(21.0, Ratio("#000000", "#ffffff"), 6);
        Assert.Equal(1.0, Ratio("#1a5fb4", "#1a5fb4"), 6);
        // #777777: channel 0x77/255 = 0.4667 → ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845; (1.05) / (0.2345) = 4.48.
        Assert.Equal(4.48, Ratio("#777777", "#ffffff"), 2);
    }

    private static string Resolve(string css, string colour)
    {
        if (!colour.StartsWith("var(", StringComparison.Ordinal))
        {
            return colour;
        }

        var match = Regex.Match(css, Regex.Escape(colour[4..^1]) + @":\s*(#[0-9a-fA-F]{3,6})");
        Assert.True(match.Success, $"{colour} is not defined in style.css");
        return match.Groups[1].Value;
    }

    private static double Ratio(string a, string b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        string h = hex.TrimStart('#');
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(c => $"{c}{c}"));
        }

        double Channel(int i)
        {
            double c = int.Parse(h.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    private static string StyleSheet()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Alc.Engine.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found"), "engine", "Alc.Engine.Server", "Ui", "assets", "style.css");
    }
}
