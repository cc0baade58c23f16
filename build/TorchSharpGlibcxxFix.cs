// The Debian 12 fix for TorchSharp's native library (what and why: TorchSharpGlibcxxFix.md; how it hooks into the
// build: TorchSharpGlibcxxFix.targets).
//
// This one file is compiled twice, which is why it holds several types:
//  - by MSBuild's RoslynCodeTaskFactory (which takes exactly one source file and compiles it against
//    .NET Standard 2.0 reference assemblies: no spans, no BinaryPrimitives) into the inline task
//    WeakenVersionNeed that TorchSharpGlibcxxFix.targets runs during build and publish;
//  - by tests/Alc.Training.Tests with ELF_READER_ONLY defined (no MSBuild reference), so the tests
//    read the library the build produced with the same ELF reader.
#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
#if !ELF_READER_ONLY
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace Alc.Build;

/// <summary>
/// One entry of an ELF object's <c>.gnu.version_r</c> section (SHT_GNU_verneed): a Vernaux record, the
/// version <see cref="Name"/> the object needs from the shared library <see cref="File"/>.
/// </summary>
public sealed class ElfVersionNeed
{
    /// <summary>VER_FLG_WEAK: a missing version is not an error for the dynamic loader.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>Creates the record as read from the file.</summary>
    public ElfVersionNeed(string file, string name, ushort flags, ushort index, long flagsOffset)
    {
        File = file;
        Name = name;
        Flags = flags;
        Index = index;
        FlagsOffset = flagsOffset;
    }

    /// <summary>The needed library's soname (Verneed <c>vn_file</c>), e.g. <c>libstdc++.so.6</c>.</summary>
    public string File { get; }

    /// <summary>The needed version (Vernaux <c>vna_name</c>), e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    public string Name { get; }

    /// <summary>The Vernaux <c>vna_flags</c>.</summary>
    public ushort Flags { get; }

    /// <summary>The version index (Vernaux <c>vna_other</c>) that <c>.gnu.version</c> uses for symbols of this version.</summary>
    public ushort Index { get; }

    /// <summary>Byte offset of <c>vna_flags</c> in the file: the two bytes the Debian 12 fix rewrites.</summary>
    public long FlagsOffset { get; }

    /// <summary>True when <see cref="Flags"/> holds <see cref="WeakFlag"/>.</summary>
    public bool IsWeak => (Flags & WeakFlag) != 0;
}

/// <summary>
/// A read-only view of the GNU symbol-versioning data of an ELF64 little-endian object (x86-64, arm64):
/// version needs (<c>.gnu.version_r</c>), version definitions (<c>.gnu.version_d</c>), and which dynamic
/// symbols of a version are referenced by relocations. Sections are found through the section header table
/// by type, strings through each section's <c>sh_link</c> string table.
/// </summary>
public sealed class ElfImage
{
    private const uint ShtRela = 4;
    private const uint ShtDynsym = 11;
    private const uint ShtNobits = 8;
    private const uint ShtRel = 9;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const int SectionHeaderSize = 64;
    private const int SymbolSize = 24;

    private readonly byte[] _bytes;
    private readonly List<Section> _sections;

    private ElfImage(byte[] bytes)
    {
        _bytes = bytes;
        _sections = ReadSections();
        VersionNeeds = ReadVersionNeeds();
        VersionDefinitions = ReadVersionDefinitions();
    }

    /// <summary>Every Vernaux entry of the object, in file order.</summary>
    public IReadOnlyList<ElfVersionNeed> VersionNeeds { get; }

    /// <summary>The names of the versions the object defines (first Verdaux of each Verdef), in file order.</summary>
    public IReadOnlyList<string> VersionDefinitions { get; }

    /// <summary>Reads and parses the ELF file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed ELF64 little-endian object.</exception>
    public static ElfImage Read(string path) => Parse(System.IO.File.ReadAllBytes(path));

    /// <summary>Parses an ELF image held in memory (the array is kept, not copied).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ELF64 little-endian object.</exception>
    public static ElfImage Parse(byte[] bytes)
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw new InvalidDataException("Not an ELF file (bad magic).");
        }

        if (bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException("Only ELF64 little-endian objects are supported (EI_CLASS " + bytes[4] + ", EI_DATA " + bytes[5] + ").");
        }

        return new ElfImage(bytes);
    }

    /// <summary>The entry for version <paramref name="name"/> needed from <paramref name="file"/>, or null when the object does not need it.</summary>
    public ElfVersionNeed? FindVersionNeed(string file, string name)
    {
        foreach (ElfVersionNeed need in VersionNeeds)
        {
            if (need.File == file && need.Name == name)
            {
                return need;
            }
        }

        return null;
    }

    /// <summary>Names of the dynamic symbols whose <c>.gnu.version</c> entry is <paramref name="versionIndex"/> (hidden bit ignored).</summary>
    public IReadOnlyList<string> SymbolsOfVersion(ushort versionIndex)
    {
        var names = new List<string>();
        foreach (int symbol in SymbolIndicesOfVersion(versionIndex))
        {
            names.Add(SymbolName(symbol));
        }

        return names;
    }

    /// <summary>
    /// Names of the dynamic symbols of version <paramref name="versionIndex"/> that some relocation
    /// (SHT_RELA or SHT_REL against <c>.dynsym</c>) references: the symbols the object really binds at load
    /// or call time. Marking a version need weak is sound only when this list is empty.
    /// </summary>
    public IReadOnlyList<string> RelocatedSymbolsOfVersion(ushort versionIndex)
    {
        var ofVersion = new HashSet<int>(SymbolIndicesOfVersion(versionIndex));
        var names = new List<string>();
        if (ofVersion.Count == 0)
        {
            return names;
        }

        int dynsym = FindSectionIndex(ShtDynsym);
        var seen = new HashSet<int>();
        foreach (Section section in _sections)
        {
            if ((section.Type != ShtRela && section.Type != ShtRel) || section.Link != dynsym)
            {
                continue;
            }

            long entrySize = section.Type == ShtRela ? 24 : 16;
            long count = section.Size / entrySize;
            for (long i = 0; i < count; i++)
            {
                ulong info = U64(section.Offset + (i * entrySize) + 8);
                int symbol = (int)(info >> 32);
                if (ofVersion.Contains(symbol) && seen.Add(symbol))
                {
                    names.Add(SymbolName(symbol));
                }
            }
        }

        return names;
    }

    private List<int> SymbolIndicesOfVersion(ushort versionIndex)
    {
        var indices = new List<int>();
        int versymIndex = FindSectionIndex(ShtGnuVersym);
        if (versymIndex < 0)
        {
            return indices;
        }

        Section versym = _sections[versymIndex];
        long count = versym.Size / 2;
        for (long i = 0; i < count; i++)
        {
            if ((U16(versym.Offset + (i * 2)) & 0x7fff) == versionIndex)
            {
                indices.Add((int)i);
            }
        }

        return indices;
    }

    private string SymbolName(int symbol)
    {
        int dynsymIndex = FindSectionIndex(ShtDynsym);
        if (dynsymIndex < 0)
        {
            throw new InvalidDataException("The object has .gnu.version but no .dynsym section.");
        }

        Section dynsym = _sections[dynsymIndex];
        long offset = dynsym.Offset + ((long)symbol * SymbolSize);
        if ((long)(symbol + 1) * SymbolSize > dynsym.Size)
        {
            throw new InvalidDataException("Symbol index " + symbol + " is outside .dynsym.");
        }

        return ReadString(dynsym.Link, U32(offset));
    }

    private List<Section> ReadSections()
    {
        long tableOffset = (long)U64(0x28);
        int entrySize = U16(0x3a);
        long count = U16(0x3c);
        if (tableOffset == 0)
        {
            throw new InvalidDataException("The object has no section header table.");
        }

        if (entrySize != SectionHeaderSize)
        {
            throw new InvalidDataException("Unexpected section header size " + entrySize + ".");
        }

        if (count == 0)
        {
            // Extended numbering: the real count lives in section 0's sh_size.
            count = (long)U64(tableOffset + 0x20);
        }

        var sections = new List<Section>();
        for (long i = 0; i < count; i++)
        {
            long header = tableOffset + (i * SectionHeaderSize);
            var section = new Section(
                U32(header + 0x04),
                (long)U64(header + 0x18),
                (long)U64(header + 0x20),
                (int)U32(header + 0x28),
                U32(header + 0x2c));
            if (section.Type != ShtNobits && (section.Offset < 0 || section.Size < 0 || section.Offset + section.Size > _bytes.Length))
            {
                // SHT_NOBITS (.bss) occupies no file bytes; every other section must lie inside the file.
                throw new InvalidDataException("Section " + i + " lies outside the file.");
            }

            sections.Add(section);
        }

        return sections;
    }

    private List<ElfVersionNeed> ReadVersionNeeds()
    {
        var needs = new List<ElfVersionNeed>();
        int index = FindSectionIndex(ShtGnuVerneed);
        if (index < 0)
        {
            return needs;
        }

        Section section = _sections[index];
        long entry = section.Offset;
        for (uint n = 0; n < section.Info; n++)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            int auxCount = U16(entry + 2);
            string file = ReadString(section.Link, U32(entry + 4));
            long aux = entry + U32(entry + 8);
            for (int a = 0; a < auxCount; a++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                needs.Add(new ElfVersionNeed(file, ReadString(section.Link, U32(aux + 8)), U16(aux + 4), U16(aux + 6), aux + 4));
                uint nextAux = U32(aux + 12);
                if (nextAux == 0)
                {
                    break;
                }

                aux += nextAux;
            }

            uint next = U32(entry + 12);
            if (next == 0)
            {
                break;
            }

            entry += next;
        }

        return needs;
    }

    private List<string> ReadVersionDefinitions()
    {
        var names = new List<string>();
        int index = FindSectionIndex(ShtGnuVerdef);
        if (index < 0)
        {
            return names;
        }

        Section section = _sections[index];
        long entry = section.Offset;
        for (uint n = 0; n < section.Info; n++)
        {
            // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32;
            // the first Elf64_Verdaux (vda_name u32, vda_next u32) names the version.
            if (U16(entry + 6) > 0)
            {
                names.Add(ReadString(section.Link, U32(entry + U32(entry + 12))));
            }

            uint next = U32(entry + 16);
            if (next == 0)
            {
                break;
            }

            entry += next;
        }

        return names;
    }

    private int FindSectionIndex(uint type)
    {
        for (int i = 0; i < _sections.Count; i++)
        {
            if (_sections[i].Type == type)
            {
                return i;
            }
        }

        return -1;
    }

    private string ReadString(int stringTable, uint offset)
    {
        if (stringTable <= 0 || stringTable >= _sections.Count)
        {
            throw new InvalidDataException("String table index " + stringTable + " is out of range.");
        }

        Section table = _sections[stringTable];
        if (offset >= table.Size)
        {
            throw new InvalidDataException("String offset " + offset + " is outside its string table.");
        }

        long start = table.Offset + offset;
        long end = start;
        long limit = table.Offset + table.Size;
        while (end < limit && _bytes[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(_bytes, (int)start, (int)(end - start));
    }

    private ushort U16(long offset)
    {
        Check(offset, 2);
        return (ushort)(_bytes[offset] | (_bytes[offset + 1] << 8));
    }

    private uint U32(long offset)
    {
        Check(offset, 4);
        return _bytes[offset] | ((uint)_bytes[offset + 1] << 8) | ((uint)_bytes[offset + 2] << 16) | ((uint)_bytes[offset + 3] << 24);
    }

    private ulong U64(long offset)
    {
        Check(offset, 8);
        return U32(offset) | ((ulong)U32(offset + 4) << 32);
    }

    private void Check(long offset, int length)
    {
        if (offset < 0 || offset > _bytes.Length - length)
        {
            throw new InvalidDataException("Read of " + length + " bytes at offset " + offset + " is outside the file.");
        }
    }

    private readonly struct Section
    {
        public Section(uint type, long offset, long size, int link, uint info)
        {
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
            Info = info;
        }

        public uint Type { get; }

        public long Offset { get; }

        public long Size { get; }

        public int Link { get; }

        public uint Info { get; }
    }
}

/// <summary>
/// The Debian 12 fix itself: decide whether it is needed, and write a copy of a library whose need for one
/// version is marked <see cref="ElfVersionNeed.WeakFlag"/>. The source file is only ever read.
/// </summary>
public static class WeakVersionNeedPatch
{
    /// <summary>Where the host's libstdc++ is looked for when deciding whether the fix is needed (Debian/Ubuntu multiarch first).</summary>
    public static readonly IReadOnlyList<string> DefaultHostLibraries = new[]
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    /// <summary>
    /// True when the fix is not needed on this host: at least one of <paramref name="hostLibraries"/> exists and every
    /// existing one defines <paramref name="version"/> in its <c>.gnu.version_d</c>. False when one lacks it, or when none
    /// exists (not Linux, or an unusual layout): then the fix is applied, which is harmless where the version exists.
    /// </summary>
    public static bool HostProvides(string version, IEnumerable<string> hostLibraries)
    {
        bool anyFound = false;
        foreach (string path in hostLibraries)
        {
            if (!System.IO.File.Exists(path))
            {
                continue;
            }

            anyFound = true;
            if (!new List<string>(ElfImage.Read(path).VersionDefinitions).Contains(version))
            {
                return false;
            }
        }

        return anyFound;
    }

    /// <summary>
    /// True when <paramref name="destination"/> already holds the patched copy of <paramref name="source"/>: same length,
    /// not older than the source, the need present and weak, and every other byte equal to the source.
    /// </summary>
    public static bool IsUpToDate(string source, string destination, string file, string version)
    {
        if (!System.IO.File.Exists(destination))
        {
            return false;
        }

        var sourceInfo = new FileInfo(source);
        var destinationInfo = new FileInfo(destination);
        if (sourceInfo.Length != destinationInfo.Length || destinationInfo.LastWriteTimeUtc < sourceInfo.LastWriteTimeUtc)
        {
            return false;
        }

        byte[] original = System.IO.File.ReadAllBytes(source);
        byte[] patched = System.IO.File.ReadAllBytes(destination);
        ElfVersionNeed? need = ElfImage.Parse(patched).FindVersionNeed(file, version);
        if (need is null || !need.IsWeak)
        {
            return false;
        }

        for (long i = 0; i < original.Length; i++)
        {
            if (original[i] != patched[i] && i != need.FlagsOffset && i != need.FlagsOffset + 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> (through a temporary file beside it) and sets
    /// VER_FLG_WEAK on <paramref name="need"/> in the copy; the copy's write time is set to now so that incremental copies
    /// to output folders see it as new.
    /// </summary>
    public static void WritePatchedCopy(string source, string destination, ElfVersionNeed need)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(destination)) ?? ".";
        Directory.CreateDirectory(directory);
        string temporary = destination + ".tmp";
        System.IO.File.Copy(source, temporary, true);
        ushort flags = (ushort)(need.Flags | ElfVersionNeed.WeakFlag);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            stream.Seek(need.FlagsOffset, SeekOrigin.Begin);
            stream.WriteByte((byte)(flags & 0xff));
            stream.WriteByte((byte)(flags >> 8));
        }

        ElfVersionNeed? check = ElfImage.Read(temporary).FindVersionNeed(need.File, need.Name);
        if (check is null || !check.IsWeak)
        {
            throw new InvalidDataException("The patched copy " + temporary + " does not read back with a weak " + need.Name + " need.");
        }

        if (System.IO.File.Exists(destination))
        {
            System.IO.File.Delete(destination);
        }

        System.IO.File.Move(temporary, destination);
        System.IO.File.SetLastWriteTimeUtc(destination, DateTime.UtcNow);
    }
}

#if !ELF_READER_ONLY
/// <summary>
/// MSBuild task: writes a copy of <see cref="Sources"/> (one native library, possibly listed by several items) to
/// <see cref="Destination"/> with its need for <see cref="Version"/> of <see cref="NeededFile"/> marked weak, after
/// checking that no relocation references a symbol of that version. Sets <see cref="Applied"/> when the copy should
/// replace the original in the build's item lists.
/// </summary>
public sealed class WeakenVersionNeed : Task
{
    /// <summary>The items naming the library to patch; all must name the same file.</summary>
    [Required]
    public ITaskItem[] Sources { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Full path of the patched copy to write.</summary>
    [Required]
    public string Destination { get; set; } = string.Empty;

    /// <summary><c>auto</c> (patch unless the host's libstdc++ defines the version), <c>always</c>, or <c>never</c>.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>The soname whose version need is weakened.</summary>
    public string NeededFile { get; set; } = "libstdc++.so.6";

    /// <summary>The version whose need is weakened.</summary>
    public string Version { get; set; } = "GLIBCXX_3.4.32";

    /// <summary>The host libstdc++ files inspected in <c>auto</c> mode; empty means <see cref="WeakVersionNeedPatch.DefaultHostLibraries"/>.</summary>
    public string[] HostLibraries { get; set; } = Array.Empty<string>();

    /// <summary>True when <see cref="Destination"/> holds the patched copy and should replace the sources.</summary>
    [Output]
    public bool Applied { get; set; }

    /// <summary>Runs the decision and, when needed, the patch.</summary>
    public override bool Execute()
    {
        string mode = (Mode ?? string.Empty).Trim().ToLowerInvariant();
        if (mode != "auto" && mode != "always" && mode != "never")
        {
            Log.LogError(null, "ALCTSG001", null, null, 0, 0, 0, 0, "TorchSharpGlibcxxFix must be auto, always or never, not '{0}'.", Mode);
            return false;
        }

        var distinct = new List<string>();
        foreach (ITaskItem item in Sources)
        {
            string path = item.GetMetadata("FullPath");
            if (!distinct.Contains(path))
            {
                distinct.Add(path);
            }
        }

        if (mode == "never" || distinct.Count == 0)
        {
            return true;
        }

        if (distinct.Count > 1)
        {
            Log.LogError(null, "ALCTSG002", null, null, 0, 0, 0, 0, "Expected one native library to patch, found {0}: {1}.", distinct.Count, string.Join(", ", distinct));
            return false;
        }

        string source = distinct[0];
        try
        {
            if (mode == "auto")
            {
                if (WeakVersionNeedPatch.HostProvides(Version, HostLibraries.Length > 0 ? HostLibraries : WeakVersionNeedPatch.DefaultHostLibraries))
                {
                    Log.LogMessage(MessageImportance.Low, "TorchSharpGlibcxxFix: the host libstdc++ defines {0}; {1} is used unchanged.", Version, source);
                    return true;
                }
            }

            ElfImage image = ElfImage.Read(source);
            ElfVersionNeed? need = image.FindVersionNeed(NeededFile, Version);
            if (need is null || need.IsWeak)
            {
                Log.LogMessage(MessageImportance.Low, "TorchSharpGlibcxxFix: {0} has no strong need for {1} of {2}; nothing to patch.", source, Version, NeededFile);
                return true;
            }

            IReadOnlyList<string> bound = image.RelocatedSymbolsOfVersion(need.Index);
            if (bound.Count > 0)
            {
                Log.LogError(null, "ALCTSG003", null, null, 0, 0, 0, 0,
                    "{0} really uses {1} (relocations reference {2}); marking that need weak would only move the failure to run time. Use a host with a newer libstdc++ or set TorchSharpGlibcxxFix=never.",
                    source, Version, string.Join(", ", bound));
                return false;
            }

            if (WeakVersionNeedPatch.IsUpToDate(source, Destination, NeededFile, Version))
            {
                Log.LogMessage(MessageImportance.Low, "TorchSharpGlibcxxFix: {0} is up to date.", Destination);
            }
            else
            {
                WeakVersionNeedPatch.WritePatchedCopy(source, Destination, need);
                Log.LogMessage(MessageImportance.High, "TorchSharpGlibcxxFix: wrote {0} with {1} ({2}) marked weak.", Destination, Version, NeededFile);
            }

            Applied = true;
            return true;
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            Log.LogError(null, "ALCTSG004", null, null, 0, 0, 0, 0, "TorchSharpGlibcxxFix could not patch {0}: {1}", source, exception.Message);
            return false;
        }
    }
}
#endif
