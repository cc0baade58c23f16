using System.Net;
using Alc.Core.Maps;
using Alc.Engine.Server.Contracts;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Engine.Server.Tests.Models;

/// <summary>
/// A smoke test of the loading and pre-processing path with real pretrained weights: PaddleOCR's PP-OCRv4 text detector
/// (<see cref="OcrModelPackage"/>), a one-channel probability map, uploaded as a binary <c>semantic</c> model (background,
/// text; PaddleOCR's own box threshold 0.3) and run as a pseudo-labels job on a photo of printed block letters and a blank
/// page. Its answer is not known to the pixel, so the test asserts what a working path must give: text where the letters are
/// and nowhere else.
/// </summary>
public sealed class RealModelSmokeTests : IDisposable
{
    // The letters' box on the 256×128 page: "ALC ENGINE" in 5×7 block glyphs, 3 px a cell, from (40, 50).
    private const int Left = 40, Top = 50, Right = 220, Bottom = 71, Cell = 3;

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['A'] = ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
        ['L'] = ["10000", "10000", "10000", "10000", "10000", "10000", "11111"],
        ['C'] = ["01111", "10000", "10000", "10000", "10000", "10000", "01111"],
        ['E'] = ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
        ['N'] = ["10001", "11001", "10101", "10011", "10001", "10001", "10001"],
        ['G'] = ["01111", "10000", "10000", "10111", "10001", "10001", "01111"],
        ['I'] = ["11111", "00100", "00100", "00100", "00100", "00100", "11111"],
    };

    private readonly Scratch _scratch = new();

    [Fact]
    public async Task A_real_text_detector_labels_the_printed_letters_as_text_and_a_blank_page_as_background()
    {
        byte[] model = File.ReadAllBytes(OcrModelPackage.TextDetector);
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();
        var uploaded = await (await client.PostAsync("/models", ModelsApiTests.Upload("pp-ocrv4-det", "semantic", model,
            """{"channelOrder":"bgr","binaryThreshold":0.3}"""))).Read<ModelDto>(HttpStatusCode.Created);
        Assert.Equal(2, uploaded.Classes);
        Assert.Equal([-1L, 1, -1, -1], uploaded.Outputs.Single().Dimensions);

        var dataset = await (await client.Post("/datasets", new CreateDatasetRequest
        {
            Name = "pages", Classes = [new ClassDto(0, "background", "#000000"), new ClassDto(1, "text", "#ff0000")],
        })).Read<DatasetDto>(HttpStatusCode.Created);
        foreach (var (stem, page) in new[] { ("letters", Page("ALC ENGINE")), ("blank", Page("")) })
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(stem), "stem" },
                { new StringContent("train"), "split" },
                { new ByteArrayContent(RgbImageCodec.EncodePng(page)), "image", "page.png" },
                { new ByteArrayContent(LabelMapFile.Encode(new LabelMap(256, 128, 2, new byte[256 * 128]))), "pseudo", "pseudo.png" },
                { new ByteArrayContent(SuperpixelMapFile.Encode(new SuperpixelMap(256, 128, new int[256 * 128]))), "superpixels", "superpixels.png" },
            };
            (await client.PostAsync($"/datasets/{dataset.Id}/images", form)).EnsureSuccessStatusCode();
        }

        var queued = await (await client.Post($"/datasets/{dataset.Id}/pseudo-labels", new PseudoLabelRequest { ModelId = uploaded.Id, Name = "pages-text" })).Read<JobDto>(HttpStatusCode.Accepted);
        var job = await client.WaitForJob(queued.Id);
        Assert.True(job.State == JobState.Succeeded, job.Error);
        var images = (await client.Get<ImagePageDto>($"/datasets/{job.ResultDatasetId}/images")).Items.ToDictionary(i => i.Stem);

        byte[] letters = await Labels(client, job.ResultDatasetId!.Value, images["letters"].Id);
        var text = Enumerable.Range(0, letters.Length).Where(p => letters[p] == 1).ToList();
        // Every text pixel lies on the letters' box (2 px of slack for the map's edge), and the text covers a good share of it.
        Assert.All(text, p => Assert.True(p % 256 is >= Left - 2 and <= Right + 2 && p / 256 is >= Top - 2 and <= Bottom + 2, $"text at ({p % 256}, {p / 256})"));
        Assert.True(text.Count >= (Right - Left) * (Bottom - Top) / 4, $"{text.Count} text pixels on a {Right - Left}×{Bottom - Top} box of letters");
        Assert.All(await Labels(client, job.ResultDatasetId!.Value, images["blank"].Id), v => Assert.Equal(0, v));
    }

    public void Dispose() => _scratch.Dispose();

    // A white 256×128 page with the text in black block glyphs (no font needed, so the page is the same on every machine).
    private static RgbImage Page(string text)
    {
        byte[] rgb = Enumerable.Repeat((byte)255, 256 * 128 * 3).ToArray();
        for (int i = 0; i < text.Length; i++)
        {
            if (!Glyphs.TryGetValue(text[i], out var glyph))
            {
                continue;
            }

            for (int row = 0; row < 7; row++)
            {
                for (int column = 0; column < 5; column++)
                {
                    if (glyph[row][column] != '1')
                    {
                        continue;
                    }

                    for (int dy = 0; dy < Cell; dy++)
                    {
                        for (int dx = 0; dx < Cell; dx++)
                        {
                            int x = Left + (i * 6 * Cell) + (column * Cell) + dx, y = Top + (row * Cell) + dy;
                            Array.Clear(rgb, ((y * 256) + x) * 3, 3);
                        }
                    }
                }
            }
        }

        return new RgbImage(256, 128, rgb);
    }

    private static async Task<byte[]> Labels(HttpClient client, long datasetId, long imageId) =>
        LabelMapFile.Read(await client.GetStreamAsync($"/datasets/{datasetId}/images/{imageId}/labels.png"), "labels.png", 2).Labels.ToArray();
}
