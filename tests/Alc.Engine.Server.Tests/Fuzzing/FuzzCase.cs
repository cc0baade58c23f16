namespace Alc.Engine.Server.Tests.Fuzzing;

/// <summary>
/// One request the fuzzer sends, with what the contract says about it: <see cref="MustReject"/> is true when the request breaks the
/// OpenAPI schema (wrong type, out of range, unknown or missing field, null where not nullable, enum violation, bad body or content type)
/// or names an id that cannot exist, so any 2xx answer to it is a contract failure.
/// </summary>
internal sealed record FuzzCase(string Operation, string Method, string Path, string? Body, string? ContentType, bool MustReject, string Mutation)
{
    /// <summary>Form fields and file parts for multipart operations (then <see cref="Body"/> is only a description).</summary>
    public IReadOnlyList<(string Name, string? Text, byte[]? File)>? Form { get; init; }

    /// <summary>An Idempotency-Key header to send, if any.</summary>
    public string? IdempotencyKey { get; init; }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Form is not null)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, text, file) in Form)
            {
                if (file is not null)
                {
                    form.Add(new ByteArrayContent(file), name, name + ".bin");
                }
                else
                {
                    form.Add(new StringContent(text ?? ""), name);
                }
            }

            request.Content = form;
        }
        else if (Body is not null)
        {
            var content = new StringContent(Body);
            content.Headers.ContentType = ContentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType);
            request.Content = content;
        }

        if (IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        return request;
    }

    public override string ToString()
    {
        string body = Body is null ? "(no body)" : Body.Length > 400 ? Body[..400] + $"… ({Body.Length} chars)" : Body;
        return $"{Method} {Path} [{Mutation}] content-type={ContentType ?? "-"} body={body}";
    }
}
