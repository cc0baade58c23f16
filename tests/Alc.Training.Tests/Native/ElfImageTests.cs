using Alc.Build;

namespace Alc.Training.Tests.Native;

/// <summary>The ELF reader and the patch writer shared with the build's TorchSharpGlibcxxFix task.</summary>
public sealed class ElfImageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alc-elf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [LinuxFact]
    public void Reads_the_versions_the_host_libstdcxx_defines()
    {
        string host = WeakVersionNeedPatch.DefaultHostLibraries.First(File.Exists);

        IReadOnlyList<string> defined = ElfImage.Read(host).VersionDefinitions;

        // Every libstdc++ since GCC 12 (Debian 12's floor) defines these; none defines a 3.4.99.
        Assert.Contains("GLIBCXX_3.4", defined);
        Assert.Contains("GLIBCXX_3.4.30", defined);
        Assert.Contains("CXXABI_1.3.13", defined);
        Assert.DoesNotContain("GLIBCXX_3.4.99", defined);
        Assert.Equal("libstdc++.so.6", defined[0]);
    }

    [LinuxFact]
    public void Lists_every_need_of_the_package_library_as_readelf_does()
    {
        ElfImage image = ElfImage.Read(NativeLibraries.InPackageCache);

        // readelf -V: 5 Verneed entries (ld-linux 1, libm 1, libgcc_s 1, libc 5, libstdc++ 20).
        Assert.Equal(28, image.VersionNeeds.Count);
        Assert.Equal(20, image.VersionNeeds.Count(n => n.File == "libstdc++.so.6"));
        ElfVersionNeed need = image.FindVersionNeed("libstdc++.so.6", "GLIBCXX_3.4.32")!;
        Assert.Equal(18, need.Index);
        Assert.Equal(0x3f8f0 + 0x140 + 4, need.FlagsOffset);
        Assert.Null(image.FindVersionNeed("libc.so.6", "GLIBCXX_3.4.32"));
    }

    [LinuxFact]
    public void Patches_a_copy_once_and_then_finds_it_up_to_date()
    {
        string source = NativeLibraries.InPackageCache;
        string copy = Path.Combine(_directory, "nested", NativeLibraries.FileName);
        ElfVersionNeed need = ElfImage.Read(source).FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version)!;

        Assert.False(WeakVersionNeedPatch.IsUpToDate(source, copy, NativeLibraries.NeededFile, NativeLibraries.Version));
        WeakVersionNeedPatch.WritePatchedCopy(source, copy, need);

        Assert.True(WeakVersionNeedPatch.IsUpToDate(source, copy, NativeLibraries.NeededFile, NativeLibraries.Version));
        Assert.True(ElfImage.Read(copy).FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version)!.IsWeak);
        Assert.False(File.Exists(copy + ".tmp"));
        Assert.Equal(0, ElfImage.Read(source).FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version)!.Flags);
    }

    [LinuxFact]
    public void A_copy_changed_elsewhere_is_not_up_to_date()
    {
        string source = NativeLibraries.InPackageCache;
        string copy = Path.Combine(_directory, NativeLibraries.FileName);
        ElfVersionNeed need = ElfImage.Read(source).FindVersionNeed(NativeLibraries.NeededFile, NativeLibraries.Version)!;
        WeakVersionNeedPatch.WritePatchedCopy(source, copy, need);

        using (var stream = new FileStream(copy, FileMode.Open, FileAccess.Write))
        {
            stream.Seek(-1, SeekOrigin.End);
            stream.WriteByte(0x5a);
        }

        Assert.False(WeakVersionNeedPatch.IsUpToDate(source, copy, NativeLibraries.NeededFile, NativeLibraries.Version));
    }

    [LinuxFact]
    public void An_unpatched_copy_is_not_up_to_date()
    {
        string copy = Path.Combine(_directory, NativeLibraries.FileName);
        File.Copy(NativeLibraries.InPackageCache, copy);
        File.SetLastWriteTimeUtc(copy, DateTime.UtcNow);

        Assert.False(WeakVersionNeedPatch.IsUpToDate(NativeLibraries.InPackageCache, copy, NativeLibraries.NeededFile, NativeLibraries.Version));
    }

    [LinuxFact]
    public void Host_check_is_satisfied_only_when_every_libstdcxx_found_defines_the_version()
    {
        string missing = Path.Combine(_directory, "missing.so");

        // Debian 12's GCC 12 libstdc++ (and anything newer) defines GLIBCXX_3.4.30; no libstdc++ defines a 3.4.99.
        Assert.True(WeakVersionNeedPatch.HostProvides("GLIBCXX_3.4.30", [.. WeakVersionNeedPatch.DefaultHostLibraries, missing]));
        Assert.False(WeakVersionNeedPatch.HostProvides("GLIBCXX_3.4.99", WeakVersionNeedPatch.DefaultHostLibraries));
    }

    [Fact]
    public void Host_check_patches_when_no_libstdcxx_is_found()
    {
        Assert.False(WeakVersionNeedPatch.HostProvides("GLIBCXX_3.4.32", [Path.Combine(_directory, "missing.so")]));
    }

    [Fact]
    public void Rejects_what_is_not_ELF64_little_endian()
    {
        Assert.Throws<InvalidDataException>(() => ElfImage.Parse(new byte[64]));
        Assert.Throws<InvalidDataException>(() => ElfImage.Parse([0x7f, (byte)'E', (byte)'L', (byte)'F']));

        byte[] elf32 = new byte[64];
        elf32[0] = 0x7f;
        elf32[1] = (byte)'E';
        elf32[2] = (byte)'L';
        elf32[3] = (byte)'F';
        elf32[4] = 1;
        elf32[5] = 1;
        Assert.Throws<InvalidDataException>(() => ElfImage.Parse(elf32));
    }

    [LinuxFact]
    public void Rejects_a_truncated_library_without_reading_past_its_end()
    {
        byte[] whole = File.ReadAllBytes(NativeLibraries.InPackageCache);

        Assert.Throws<InvalidDataException>(() => ElfImage.Parse(whole[..4096]));
        Assert.Throws<InvalidDataException>(() => ElfImage.Parse(whole[..(whole.Length - 100)]));
    }
}
