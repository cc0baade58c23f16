using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Alc.Engine.Server.Tests.Chaos;

/// <summary>
/// A JSON request body sent all but its last byte, then held until <see cref="Release"/>: the engine has the request's
/// headers and most of its body when the test kills it, so the request surely loses its response.
/// </summary>
internal sealed class HeldBody
{
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a request's body is half sent.</summary>
    public Task Holding => _holding.Task;

    /// <summary>Lets the held request send its last byte (to a dead process: it fails).</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>The body of one request, held by this.</summary>
    public HttpContent Content<T>(T body) => new Held(JsonSerializer.SerializeToUtf8Bytes(body, Api.Json), this);

    private sealed class Held : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly HeldBody _hold;

        public Held(byte[] bytes, HeldBody hold)
        {
            _bytes = bytes;
            _hold = hold;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, _bytes.Length - 1));
            await stream.FlushAsync();
            _hold._holding.TrySetResult();
            await _hold._released.Task;
            await stream.WriteAsync(_bytes.AsMemory(_bytes.Length - 1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
