using System.Net.Http.Headers;
using System.Text.Json;

namespace Alc.Integrations.Cvat.Rest;

/// <content>Uploading a task's images: one multipart request, then CVAT's background request polled until it ends.</content>
public sealed partial class CvatClient
{
    /// <summary>
    /// Uploads <paramref name="files"/> as the task's frames (<c>POST /api/tasks/{id}/data</c>, multipart <c>client_files[i]</c>)
    /// in the given order (<c>sorting_method=predefined</c>), then polls <c>GET /api/requests/{rq_id}</c> until CVAT has
    /// made the task's jobs.
    /// </summary>
    /// <param name="taskId">The task, without data yet.</param>
    /// <param name="files">The frames, in order.</param>
    /// <param name="imageQuality">CVAT's compressed-chunk JPEG quality (1–100); the originals are kept as uploaded.</param>
    /// <param name="timeout">How long to wait for CVAT to process the data.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="CvatException">CVAT refused the upload, its request failed, or it did not end in time.</exception>
    public async Task UploadAsync(long taskId, IReadOnlyList<CvatUpload> files, int imageQuality, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageQuality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(imageQuality, 100);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(imageQuality.ToString(System.Globalization.CultureInfo.InvariantCulture)), "image_quality");
        form.Add(new StringContent("predefined"), "sorting_method");
        for (int i = 0; i < files.Count; i++)
        {
            var part = new ByteArrayContent(files[i].Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].Name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) ? "image/jpeg" : "image/png");
            form.Add(part, $"client_files[{i}]", files[i].Name);
        }

        var accepted = await SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/data", null, cancellationToken, form);
        string request = accepted.ValueKind == JsonValueKind.Object && accepted.TryGetProperty("rq_id", out var rq) && rq.ValueKind == JsonValueKind.String
            ? rq.GetString()!
            : throw new CvatException($"CVAT accepted task {taskId}'s data without a request id (rq_id) to follow.");
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var state = await SendAsync(HttpMethod.Get, $"api/requests/{Uri.EscapeDataString(request)}", null, cancellationToken);
            string status = CvatJson.Text(state, "status");
            if (status == "finished")
            {
                return;
            }

            if (status == "failed")
            {
                string message = state.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "no message";
                throw new CvatException($"CVAT could not make task {taskId} from the uploaded images: {message}");
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new CvatException($"CVAT had not processed task {taskId}'s images after {timeout.TotalSeconds:0} s (request {request} is {status}).");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(2000, delay.TotalMilliseconds * 2));
        }
    }
}
