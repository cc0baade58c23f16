using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// The real Label Studio editor (label-studio 1.0.1) in a chromium page, driven as an annotator drives it: it shows a
/// task with its prediction copied into a new annotation, the test clicks choices and Submit, and gets back the
/// editor's own <c>serializeAnnotation()</c>. Any script error or console error on the page fails the next call.
/// </summary>
public sealed class LabelStudioEditor : IAsyncDisposable
{
    /// <summary>How long a click waits for its target (a hidden choice is never clickable, so this bounds the failure).</summary>
    private const float ActionTimeoutMs = 5_000;

    /// <summary>How long the editor may take to show a task or answer Submit.</summary>
    private const float RenderTimeoutMs = 30_000;

    private readonly IBrowserContext _context;
    private readonly EditorHost _host;
    private readonly List<string> _errors = [];

    private LabelStudioEditor(IBrowserContext context, IPage page, EditorHost host)
    {
        _context = context;
        _host = host;
        Page = page;
        page.SetDefaultTimeout(ActionTimeoutMs);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"page error: {error}");
    }

    /// <summary>The page, for what this wrapper does not cover.</summary>
    public IPage Page { get; }

    /// <summary>The console and script errors the page reported so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Opens the harness page in <paramref name="context"/>, which the editor then owns and closes.</summary>
    internal static async Task<LabelStudioEditor> OpenAsync(IBrowserContext context, EditorHost host)
    {
        IPage page = await context.NewPageAsync();
        var editor = new LabelStudioEditor(context, page, host);
        await page.GotoAsync(host.Url.ToString());
        await page.WaitForFunctionAsync("() => typeof window.LabelStudio === 'function' && typeof window.alcLoad === 'function'",
            null, new PageWaitForFunctionOptions { Timeout = RenderTimeoutMs });
        editor.ThrowIfErrors();
        return editor;
    }

    /// <summary>Serves <paramref name="task"/>'s image from the host and shows the task with the library's config.</summary>
    public Task LoadAsync(QueryTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return LoadAsync(QueryTask.Config, task.TaskJson(_host.AddImage(task.Name, task.Png)));
    }

    /// <summary>
    /// Shows <paramref name="taskJson"/> (a Label Studio task, image URLs relative to the host) under
    /// <paramref name="configXml"/>, its first prediction copied into a new annotation, and waits until the image is
    /// loaded and every predicted region is drawn.
    /// </summary>
    public async Task LoadAsync(string configXml, string taskJson)
    {
        JsonNode task = JsonNode.Parse(taskJson) ?? throw new ArgumentException("The task JSON is null.", nameof(taskJson));
        int regions = task["predictions"]?.AsArray().FirstOrDefault()?["result"]?.AsArray()
            .Count(r => (string?)r?["type"] is not ("choices" or "relation")) ?? 0;
        await Page.EvaluateAsync("([config, task]) => window.alcLoad(config, JSON.parse(task))", new object[] { configXml, taskJson });
        await Page.WaitForFunctionAsync("n => window.alcRendered(n)", regions, new PageWaitForFunctionOptions { Timeout = RenderTimeoutMs });
        ThrowIfErrors();
    }

    /// <summary>
    /// Clicks the choice <paramref name="value"/> the way an annotator does: on its label text in the side column.
    /// A choice that is hidden (its Choices' <c>visibleWhen</c> does not hold) is not clickable and times out.
    /// </summary>
    public async Task ChooseAsync(string value)
    {
        // A choice is an antd checkbox (or radio) named by its value, inside a label whose last span is the text; that
        // span also holds the hotkey hint ("wrong[7]"), so the text alone does not find it exactly.
        ILocator label = Page.Locator("label.ant-checkbox-wrapper, label.ant-radio-wrapper")
            .Filter(new LocatorFilterOptions { Has = Page.Locator($"input[name=\"{CssEscape(value)}\"]") });
        await label.Locator("> span").Last.ClickAsync();
        ThrowIfErrors();
    }

    /// <summary>
    /// Clicks Submit and returns the JSON text of the editor's <c>serializeAnnotation()</c>: an array of result items.
    /// </summary>
    /// <exception cref="SubmitRefusedException">The editor showed a warning instead of submitting.</exception>
    public async Task<string> SubmitAsync()
    {
        await Page.Locator(".ls-submit-btn").ClickAsync();
        // Either the submit callback ran, or the editor opened its warning modal and never called it.
        IJSHandle outcome = await Page.WaitForFunctionAsync(
            """
            () => {
              if (window.alcSubmitted) return { result: JSON.stringify(window.alcSubmitted) };
              const warning = document.querySelector('.ant-modal-confirm-content');
              return warning && warning.textContent ? { refused: warning.textContent } : null;
            }
            """,
            null, new PageWaitForFunctionOptions { Timeout = RenderTimeoutMs });
        JsonElement answer = await outcome.JsonValueAsync<JsonElement>();
        ThrowIfErrors();
        return answer.TryGetProperty("refused", out JsonElement refused)
            ? throw new SubmitRefusedException(refused.GetString() ?? "")
            : answer.GetProperty("result").GetString()!;
    }

    /// <summary>Saves a screenshot of the whole page as a PNG at <paramref name="path"/>, animations finished.</summary>
    public async Task ScreenshotAsync(string path)
    {
        // Disabled animations are finished first, so a checkbox just ticked shows ticked.
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        ThrowIfErrors();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    /// <summary>Escapes <paramref name="value"/> for a double-quoted CSS attribute value.</summary>
    private static string CssEscape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private void Record(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    /// <exception cref="InvalidOperationException">The page reported an error; the message lists them all.</exception>
    private void ThrowIfErrors()
    {
        IReadOnlyList<string> errors = Errors;
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The editor page reported errors:\n" + string.Join("\n", errors));
        }
    }
}
