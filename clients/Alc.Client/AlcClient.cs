using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Alc.Client;

/// <summary>Ways to get an <see cref="IAlcApi"/>: through dependency injection (<see cref="AddAlcClient"/>) or directly (<c>Create</c>).</summary>
public static class AlcClient
{
    /// <summary>
    /// Registers <see cref="IAlcApi"/> with <c>IHttpClientFactory</c> (Refit.HttpClientFactory, the source-generated client), pointed at
    /// <paramref name="baseAddress"/>, sending <paramref name="apiKey"/> as <c>X-Api-Key</c> when given.
    /// </summary>
    public static IHttpClientBuilder AddAlcClient(this IServiceCollection services, Uri baseAddress, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var builder = services.AddRefitGeneratedClient<IAlcApi>(AlcJson.RefitSettings()).ConfigureHttpClient(c => c.BaseAddress = baseAddress);
        if (apiKey is not null)
        {
            builder.AddHttpMessageHandler(() => new ApiKeyHandler(apiKey));
        }

        return builder;
    }

    /// <summary>A client over <paramref name="httpClient"/> (whose <c>BaseAddress</c> must be set).</summary>
    public static IAlcApi Create(HttpClient httpClient) => RestService.For<IAlcApi>(httpClient, AlcJson.RefitSettings());

    /// <summary>A client of the engine at <paramref name="baseAddress"/>.</summary>
    public static IAlcApi Create(Uri baseAddress, string? apiKey = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        HttpMessageHandler pipeline = handler ?? new HttpClientHandler();
        if (apiKey is not null)
        {
            pipeline = new ApiKeyHandler(apiKey) { InnerHandler = pipeline };
        }

        return Create(new HttpClient(pipeline) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) });
    }
}
