using System.Text;
using Alc.Integrations.Cvat.Webhooks;

namespace Alc.Integrations.Cvat.Tests.Webhooks;

/// <summary>HMAC-SHA256 against RFC 4231, and every way a header can fail to match.</summary>
public sealed class CvatSignatureTests
{
    /// <summary>RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".</summary>
    private const string Rfc4231Case2 = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private static readonly byte[] Data = Encoding.UTF8.GetBytes("what do ya want for nothing?");

    [Fact]
    public void HeaderName() => Assert.Equal("X-Signature-256", CvatSignature.Header);

    [Fact]
    public void ComputeMatchesRfc4231TestCase2() => Assert.Equal(Rfc4231Case2, CvatSignature.Compute("Jefe", Data));

    [Fact]
    public void VerifyAcceptsRfc4231TestCase2() => Assert.True(CvatSignature.Verify("Jefe", Rfc4231Case2, Data));

    [Fact]
    public void VerifyAcceptsUppercaseHex() =>
        Assert.True(CvatSignature.Verify("Jefe", "sha256=" + Rfc4231Case2["sha256=".Length..].ToUpperInvariant(), Data));

    [Fact]
    public void EveryTamperedBodyByteFails()
    {
        for (int i = 0; i < Data.Length; i++)
        {
            byte[] tampered = [.. Data];
            tampered[i] ^= 0x01;
            Assert.False(CvatSignature.Verify("Jefe", Rfc4231Case2, tampered));
        }
    }

    [Fact]
    public void WrongSecretFails() => Assert.False(CvatSignature.Verify("jefe", Rfc4231Case2, Data));

    [Fact]
    public void ChangedDigitFails() =>
        Assert.False(CvatSignature.Verify("Jefe", Rfc4231Case2[..^1] + "2", Data));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")] // no prefix
    [InlineData("SHA256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")] // prefix in uppercase
    [InlineData("sha1=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("sha256=")]
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384")] // 63 digits
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38433")] // 65 digits
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843ab")] // 33 bytes
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38zz")] // not hex
    [InlineData(" sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")] // leading space
    [InlineData("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843 ")] // trailing space
    public void MalformedHeadersFailWithoutThrowing(string? header) => Assert.False(CvatSignature.Verify("Jefe", header, Data));

    [Fact]
    public void EmptySecretAndBodyStillSign()
    {
        // Python: hmac.new(b"", b"", hashlib.sha256).hexdigest().
        const string expected = "sha256=b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad";
        Assert.Equal(expected, CvatSignature.Compute("", []));
        Assert.True(CvatSignature.Verify("", expected, []));
    }

    [Fact]
    public void SecretIsEncodedAsUtf8()
    {
        // Python: hmac.new("é".encode(), b"what do ya want for nothing?", hashlib.sha256).hexdigest(), key bytes C3 A9.
        const string expected = "sha256=4a987f9efe1a91b83120536c12aff9bfbdf7620d8cc4ef908bcf1f565418e093";
        Assert.Equal(expected, CvatSignature.Compute("é", Data));
    }

    [Fact]
    public void NullSecretIsACallerError() => Assert.Throws<ArgumentNullException>(() => CvatSignature.Verify(null!, Rfc4231Case2, Data));
}
