using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using Alc.Engine.Server.Datasets;
using Alc.Engine.Server.Problems;

namespace Alc.Engine.Server.Tests;

/// <summary>Uploaded zips: bad names, clashing entries and zip bombs are refused from the central directory or under a byte budget, and leave nothing on disk.</summary>
public sealed class ZipImportTests : IDisposable
{
    private const long Budget = 64 * 1024;

    private readonly Scratch _scratch = new();

    private string Destination => Path.Combine(_scratch.Root, "unpacked");

    [Fact]
    public void A_zip_naming_one_entry_twice_is_422_naming_it_and_writes_nothing()
    {
        string zip = Zip(("classes.json", "[]"), ("images/a.png", "first"), ("images/a.png", "second"));
        var problem = Refused(zip, 422);
        Assert.Contains("'images/a.png'", problem.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("a.png", "a.png/x")]
    [InlineData("a.png/x", "a.png")]
    [InlineData("a/", "a")]
    [InlineData("a", "a/")]
    public void A_file_and_a_folder_of_the_same_name_are_422_naming_the_entry_and_write_nothing(string first, string second)
    {
        string zip = Zip(("classes.json", "[]"), (first, first.EndsWith('/') ? "" : "bytes"), (second, second.EndsWith('/') ? "" : "bytes"));
        var problem = Refused(zip, 422);
        Assert.Contains($"'{second}'", problem.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("images\\a.png")]
    [InlineData("c:/a.png")]
    [InlineData("images/a\0.png")]
    [InlineData("images//a.png")]
    [InlineData("images/./a.png")]
    [InlineData("/etc/a.png")]
    [InlineData("images/../../a.png")]
    public void An_entry_with_an_odd_rooted_or_climbing_name_is_422_and_writes_nothing(string name)
    {
        // classes.json comes first and is valid, so only checking names before extracting keeps it off the disk.
        var problem = Refused(Zip(("classes.json", "[]"), (name, "bytes")), 422);
        Assert.Contains("Zip entry", problem.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void An_entry_whose_header_understates_its_size_is_cut_off_at_the_budget_with_413_and_no_file_is_left()
    {
        // Stored (not deflated) data is read to its compressed length, whatever uncompressed size the headers declare.
        string zip = Zip(CompressionLevel.NoCompression, ("classes.json", "[]"), ("images/zeros.bin", new string('\0', (int)Budget * 3)));
        Declare(zip, "images/zeros.bin", size: 10);
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Equal(10, archive.GetEntry("images/zeros.bin")!.Length);
        }

        Refused(zip, 413);
        AssertNothingWritten();
    }

    [Fact]
    public void A_zip_declaring_more_than_the_budget_in_all_is_413_before_any_entry_is_read()
    {
        // The first entry's data is broken: reading it would fail with 422, so a 413 shows the sizes were judged first.
        string zip = Zip(("classes.json", new string('x', 1000)), ("images/a.bin", new string('\0', (int)Budget / 2)), ("images/b.bin", new string('\0', (int)Budget / 2)));
        Corrupt(zip, "classes.json");
        Refused(zip, 413);
        AssertNothingWritten();
    }

    [Fact]
    public void A_zip_within_the_budget_unpacks_and_its_dataset_root_is_found()
    {
        string zip = Zip(("world/classes.json", "[]"), ("world/images/", ""), ("world/images/a.png", "bytes"));
        string root = ZipImport.Extract(zip, Destination, Budget);
        Assert.Equal(Path.Combine(Destination, "world"), root);
        Assert.Equal("bytes", File.ReadAllText(Path.Combine(root, "images", "a.png")));
    }

    [Fact]
    public async Task An_upload_with_a_duplicate_entry_is_a_422_problem_and_leaves_the_scratch_folder_empty()
    {
        string zip = Zip(("classes.json", "[]"), ("classes.json", "[]"));
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();
        var form = new MultipartFormDataContent { { new StringContent("twice"), "name" } };
        var file = new ByteArrayContent(File.ReadAllBytes(zip));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "archive", "dataset.zip");
        var problem = await (await client.PostAsync("/datasets/upload", form)).Problem(422);
        Assert.Contains("'classes.json'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_scratch.Data, "tmp")));
    }

    public void Dispose() => _scratch.Dispose();

    private ApiProblemException Refused(string zip, int status)
    {
        var problem = Assert.Throws<ApiProblemException>(() => ZipImport.Extract(zip, Destination, Budget));
        Assert.True(problem.Status == status, $"expected {status}, got {problem.Status}: {problem.Message}");
        return problem;
    }

    private void AssertNothingWritten() =>
        Assert.Empty(Directory.Exists(Destination) ? Directory.EnumerateFiles(Destination, "*", SearchOption.AllDirectories) : []);

    private string Zip(params (string Name, string Text)[] entries) => Zip(CompressionLevel.Optimal, entries);

    private string Zip(CompressionLevel level, params (string Name, string Text)[] entries)
    {
        string zip = Path.Combine(_scratch.Root, $"{Guid.NewGuid():N}.zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(name, level).Open());
            writer.Write(text);
        }

        return zip;
    }

    /// <summary>Rewrites the uncompressed size <paramref name="name"/>'s local and central headers declare, as a hostile zip would.</summary>
    private static void Declare(string zip, string name, uint size)
    {
        byte[] bytes = File.ReadAllBytes(zip);
        foreach (var (header, offset) in Headers(bytes, name))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(header + (offset == 30 ? 22 : 24)), size);
        }

        File.WriteAllBytes(zip, bytes);
    }

    /// <summary>Turns the start of <paramref name="name"/>'s deflate data into a reserved block type, which no reader can inflate.</summary>
    private static void Corrupt(string zip, string name)
    {
        byte[] bytes = File.ReadAllBytes(zip);
        var (header, offset) = Headers(bytes, name).First(h => h.Offset == 30);
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(header + 8))); // deflated
        int data = header + 30 + name.Length + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(header + 28));
        bytes[data] = 0xFF;
        File.WriteAllBytes(zip, bytes);
    }

    /// <summary>The local (name at +30) and central (name at +46) headers naming <paramref name="name"/>.</summary>
    private static List<(int Header, int Offset)> Headers(byte[] bytes, string name)
    {
        byte[] wanted = System.Text.Encoding.UTF8.GetBytes(name);
        var found = new List<(int, int)>();
        for (int i = 0; i + 4 <= bytes.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            int offset = signature switch { 0x04034B50 => 30, 0x02014B50 => 46, _ => 0 };
            int nameLength = offset == 0 ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + (offset == 30 ? 26 : 28)));
            if (offset > 0 && nameLength == wanted.Length && bytes.AsSpan(i + offset, nameLength).SequenceEqual(wanted))
            {
                found.Add((i, offset));
            }
        }

        Assert.Equal(2, found.Count);
        return found;
    }
}
