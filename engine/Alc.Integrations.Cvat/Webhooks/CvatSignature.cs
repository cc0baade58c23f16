using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Alc.Integrations.Cvat.Webhooks;

/// <summary>
/// The signature CVAT puts on a webhook delivery whose webhook has a secret:
/// <c>X-Signature-256: sha256=&lt;hex of HMAC-SHA256(key = the secret's UTF-8 bytes, message = the raw body bytes)&gt;</c>.
/// </summary>
/// <remarks>CVAT writes the hex in lowercase and <see cref="Compute"/> does too. <see cref="Verify"/> also accepts
/// uppercase or mixed-case hex: it compares the 32 digest bytes the hex stands for, so the letter case carries no
/// information an attacker could use. The <c>sha256=</c> prefix itself must be lowercase, exactly as CVAT sends it.</remarks>
public static class CvatSignature
{
    /// <summary>The HTTP header CVAT sends the signature in.</summary>
    public const string Header = "X-Signature-256";

    /// <summary>What the header value starts with, before the hex digest.</summary>
    private const string Prefix = "sha256=";

    /// <summary>Bytes of an HMAC-SHA256 digest (64 hex digits).</summary>
    private const int DigestBytes = HMACSHA256.HashSizeInBytes;

    /// <summary>The header value CVAT would send for <paramref name="body"/>: <c>sha256=</c> and 64 lowercase hex digits.</summary>
    /// <param name="secret">The webhook's secret, as typed into CVAT (encoded as UTF-8 for the key; empty is allowed).</param>
    /// <param name="body">The request body exactly as sent, before any JSON parsing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[DigestBytes];
        Sign(secret, body, digest);
        return Prefix + Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// Whether <paramref name="header"/> is the signature of <paramref name="body"/> under <paramref name="secret"/>,
    /// compared in constant time. A null header, a missing or differently cased <c>sha256=</c> prefix, anything but
    /// exactly 64 hex digits after it (surrounding spaces included), or a wrong digest all give false; no header value throws.
    /// </summary>
    /// <param name="secret">The webhook's secret (UTF-8 key).</param>
    /// <param name="header">The <see cref="Header"/> value as received, or null when the request had none.</param>
    /// <param name="body">The raw request body bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body)
    {
        Span<byte> expected = stackalloc byte[DigestBytes];
        Sign(secret, body, expected);
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length);
        if (hex.Length != DigestBytes * 2)
        {
            return false;
        }

        Span<byte> received = stackalloc byte[DigestBytes];
        var status = Convert.FromHexString(hex, received, out _, out int written);
        return status == OperationStatus.Done && written == DigestBytes && CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>Writes HMAC-SHA256(UTF-8 <paramref name="secret"/>, <paramref name="body"/>) into <paramref name="digest"/>.</summary>
    private static void Sign(string secret, ReadOnlySpan<byte> body, Span<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(secret);
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, digest);
    }
}
