using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Alc.Client.Tests.Readme;

/// <summary>
/// Compiles a C# program the way a <c>dotnet new console</c> project does (top-level statements, the console template's
/// implicit usings, nullable enabled) against the assemblies this test process runs on — Alc.Client, Refit,
/// Microsoft.Extensions.DependencyInjection and the framework — and runs its entry point.
/// </summary>
internal static class SnippetCompiler
{
    // What <ImplicitUsings>enable</ImplicitUsings> gives a console project (Microsoft.NET.Sdk).
    private const string ConsoleUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Compiles <paramref name="program"/>; throws with every error (line numbers in the snippet) when it does not compile.</summary>
    public static byte[] Compile(string program)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("ReadmeSnippet",
            [CSharpSyntaxTree.ParseText(ConsoleUsings, options, "GlobalUsings.g.cs"), CSharpSyntaxTree.ParseText(program, options, "Program.cs")],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The README's C# snippet does not compile:\n" + string.Join("\n", errors));
        }

        return image.ToArray();
    }

    /// <summary>Runs the compiled program's entry point on a thread-pool thread (no test synchronisation context) and waits for it.</summary>
    public static async Task RunAsync(byte[] assembly)
    {
        var context = new AssemblyLoadContext("readme-snippet", isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(assembly)).EntryPoint
                ?? throw new InvalidOperationException("The snippet has no entry point.");
            object?[]? arguments = entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()];
            try
            {
                await Task.Run(() => entry.Invoke(null, arguments));
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw new InvalidOperationException("The README's C# snippet failed: " + ex.InnerException.Message, ex.InnerException);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
            .Select(path => MetadataReference.CreateFromFile(path));
}
