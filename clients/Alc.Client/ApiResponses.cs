using System.Text.Json;
using Refit;

namespace Alc.Client;

/// <summary>Unwrapping responses: the content of a success, or an <see cref="AlcApiException"/> carrying the problem+json.</summary>
public static class ApiResponses
{
    /// <summary>The content of a successful response; throws <see cref="AlcApiException"/> otherwise.</summary>
    public static async Task<T> ContentOrThrow<T>(this Task<IApiResponse<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var response = await call.ConfigureAwait(false);
        if (response.IsSuccessStatusCode && response.Content is T content)
        {
            return content;
        }

        throw Failure(response);
    }

    /// <summary>Throws <see cref="AlcApiException"/> unless the response is a success.</summary>
    public static async Task EnsureSuccess(this Task<IApiResponse> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var response = await call.ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response);
        }
    }

    /// <summary>The raw response of a file or stream operation; throws <see cref="AlcApiException"/> unless it is a success.</summary>
    public static async Task<HttpResponseMessage> EnsureSuccess(this Task<HttpResponseMessage> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var response = await call.ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var status = response.StatusCode;
            response.Dispose();
            throw Failure(status, body);
        }

        return response;
    }

    private static AlcApiException Failure(IApiResponse response) => response.StatusCode is { } status
        ? Failure(status, (response.Error as ApiException)?.Content)
        : new AlcApiException($"The engine did not answer: {response.Error?.Message}", response.Error!);

    private static AlcApiException Failure(System.Net.HttpStatusCode status, string? body)
    {
        ProblemDetails? problem = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                problem = JsonSerializer.Deserialize<ProblemDetails>(body, AlcJson.Options);
            }
            catch (JsonException)
            {
                // Not problem+json (a proxy's error page): the raw body goes into the message.
            }
        }

        return new AlcApiException(status, problem, body);
    }
}
