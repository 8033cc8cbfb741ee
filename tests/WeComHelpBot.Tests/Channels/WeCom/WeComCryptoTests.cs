using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using WeComHelpBot.Channels.WeCom;
using V = WeComHelpBot.Tests.Channels.WeCom.WeComTestVectors;

namespace WeComHelpBot.Tests.Channels.WeCom;

public sealed class WeComCryptoTests
{
    private static readonly WeComCrypto CryptoA = new(V.A.Token, V.A.EncodingAesKey, V.A.CorpId);
    private static readonly WeComCrypto CryptoB = new(V.B.Token, V.B.EncodingAesKey, V.B.CorpId);

    [Fact]
    public void Signature_MatchesOfficialVectors_ForUrlCheckAndMessage()
    {
        Assert.Equal(V.A.GetSignature, CryptoA.ComputeSignature(V.A.GetTimestamp, V.A.GetNonce, V.A.EchoStr));
        Assert.Equal(V.A.PostSignature, CryptoA.ComputeSignature(V.A.PostTimestamp, V.A.PostNonce, V.A.PostEncrypt));
        Assert.Equal(V.B.GetSignature, CryptoB.ComputeSignature(V.B.GetTimestamp, V.B.GetNonce, V.B.EchoStr));
        Assert.Equal(V.B.PostSignature, CryptoB.ComputeSignature(V.B.PostTimestamp, V.B.PostNonce, V.B.PostEncrypt));
    }

    [Fact]
    public void VerifySignature_AcceptsOfficialSignature_InAnyCase()
    {
        Assert.True(CryptoA.VerifySignature(V.A.PostSignature, V.A.PostTimestamp, V.A.PostNonce, V.A.PostEncrypt));
        Assert.True(CryptoA.VerifySignature(V.A.PostSignature.ToUpperInvariant(), V.A.PostTimestamp, V.A.PostNonce, V.A.PostEncrypt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd")]
    [InlineData("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4")]
    [InlineData("0000000000000000000000000000000000000000")]
    public void VerifySignature_RejectsAnyOtherSignature(string signature)
    {
        Assert.False(CryptoA.VerifySignature(signature, V.A.GetTimestamp, V.A.GetNonce, V.A.EchoStr));
    }

    [Fact]
    public void VerifySignature_RejectsWhenTimestampNonceOrDataChanged()
    {
        Assert.False(CryptoA.VerifySignature(V.A.GetSignature, "1409659590", V.A.GetNonce, V.A.EchoStr));
        Assert.False(CryptoA.VerifySignature(V.A.GetSignature, V.A.GetTimestamp, "263014781", V.A.EchoStr));
        Assert.False(CryptoA.VerifySignature(V.A.GetSignature, V.A.GetTimestamp, V.A.GetNonce, V.A.EchoStr.Replace('P', 'Q')));
    }

    [Fact]
    public void DecryptForReceiver_ReadsOfficialEchoStrings()
    {
        Assert.Equal(V.A.EchoPlain, CryptoA.DecryptForReceiver(V.A.EchoStr));
        Assert.Equal(V.B.EchoPlain, CryptoB.DecryptForReceiver(V.B.EchoStr));
    }

    [Fact]
    public void DecryptForReceiver_ReadsOfficialMessageA_AsTextFromMycreate()
    {
        var message = WeComXml.ParseMessage(CryptoA.DecryptForReceiver(V.A.PostEncrypt));

        Assert.Equal(V.A.CorpId, message.ToUserName);
        Assert.Equal("mycreate", message.FromUserName);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("hello", message.Content);
        Assert.Equal("4561255354251345929", message.MsgId);
        Assert.Equal("218", message.AgentId);
    }

    [Fact]
    public void DecryptForReceiver_ReadsOfficialMessageB_ExactlyAsPublished()
    {
        Assert.Equal(V.B.PostPlain, CryptoB.DecryptForReceiver(V.B.PostEncrypt));
        var message = WeComXml.ParseMessage(V.B.PostPlain);
        Assert.Equal("ChenJiaShun", message.FromUserName);
        Assert.Equal("你好", message.Content);
        Assert.Equal(1476422779, message.CreateTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("个体户最多能加几个人？")]
    [InlineData("<xml><Content><![CDATA[长一点的回答……]]></Content></xml>")]
    public void EncryptThenDecrypt_RoundTrips_WithReceiveId(string message)
    {
        var encrypted = CryptoB.Encrypt(message);

        var decrypted = CryptoB.Decrypt(encrypted);
        Assert.Equal(message, decrypted.Message);
        Assert.Equal(V.B.CorpId, decrypted.ReceiveId);
    }

    [Fact]
    public void Encrypt_PadsToWholeMultiplesOf32Bytes_AddingAFullBlockWhenAligned()
    {
        // 16 random + 4 length + 12 message + 0 receive id = 32 bytes: aligned, so a whole 32-byte block is added.
        var aligned = new WeComCrypto(V.A.Token, V.A.EncodingAesKey, string.Empty);
        var cipher = Convert.FromBase64String(aligned.Encrypt("123456789012", new byte[16]));
        Assert.Equal(64, cipher.Length);

        var plain = RawDecrypt(V.A.EncodingAesKey, cipher);
        Assert.All(plain[32..], b => Assert.Equal(32, b));
    }

    [Fact]
    public void Encrypt_WithSameRandom_IsDeterministic_AndDiffersWithFreshRandom()
    {
        var random = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        Assert.Equal(CryptoA.Encrypt("hello", random), CryptoA.Encrypt("hello", random));
        Assert.NotEqual(CryptoA.Encrypt("hello"), CryptoA.Encrypt("hello"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tooShort")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2*")]
    public void Constructor_RejectsIllegalAesKey_With40004(string encodingAesKey)
    {
        var error = Assert.Throws<WeComCryptoException>(() => new WeComCrypto("t", encodingAesKey, "corp"));
        Assert.Equal(WeComErrorCode.IllegalAesKey, error.Code);
        Assert.Equal(-40004, (int)error.Code);
        Assert.False(WeComCrypto.IsValidEncodingAesKey(encodingAesKey));
    }

    [Fact]
    public void DecryptForReceiver_RejectsOtherCorpId_With40005()
    {
        var otherCorp = new WeComCrypto(V.A.Token, V.A.EncodingAesKey, "wx0000000000000000");
        var error = Assert.Throws<WeComCryptoException>(() => otherCorp.DecryptForReceiver(V.A.EchoStr));
        Assert.Equal(WeComErrorCode.ValidateCorpIdError, error.Code);
    }

    [Theory]
    [InlineData("not base64!!")]
    [InlineData("abc")]
    public void Decrypt_RejectsNonBase64_With40010(string encrypted)
    {
        var error = Assert.Throws<WeComCryptoException>(() => CryptoA.Decrypt(encrypted));
        Assert.Equal(WeComErrorCode.DecodeBase64Error, error.Code);
    }

    [Fact]
    public void Decrypt_RejectsPartialBlocks_With40007()
    {
        var error = Assert.Throws<WeComCryptoException>(() => CryptoA.Decrypt(Convert.ToBase64String(new byte[48])));
        Assert.Equal(WeComErrorCode.DecryptAesError, error.Code);
        error = Assert.Throws<WeComCryptoException>(() => CryptoA.Decrypt(string.Empty));
        Assert.Equal(WeComErrorCode.DecryptAesError, error.Code);
    }

    [Fact]
    public void Decrypt_RejectsCiphertextMadeWithAnotherKey_With40007()
    {
        // Under the wrong key the padding is garbage; the chance it happens to be valid is negligible for this fixed input.
        var error = Assert.Throws<WeComCryptoException>(() => CryptoB.Decrypt(V.A.PostEncrypt));
        Assert.Equal(WeComErrorCode.DecryptAesError, error.Code);
    }

    [Fact]
    public void Decrypt_RejectsLengthFieldBeyondThePlaintext_With40008()
    {
        var plain = new byte[64];
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), 1000);
        plain.AsSpan(32).Fill(32);
        var error = Assert.Throws<WeComCryptoException>(() => CryptoA.Decrypt(RawEncrypt(V.A.EncodingAesKey, plain)));
        Assert.Equal(WeComErrorCode.IllegalBuffer, error.Code);
    }

    [Fact]
    public void Decrypt_RejectsPlaintextShorterThanItsHeader_With40008()
    {
        var plain = new byte[32];
        plain.AsSpan(12).Fill(20);
        var error = Assert.Throws<WeComCryptoException>(() => CryptoA.Decrypt(RawEncrypt(V.A.EncodingAesKey, plain)));
        Assert.Equal(WeComErrorCode.IllegalBuffer, error.Code);
    }

    [Fact]
    public void Decrypt_RejectsPaddingOutsideOneTo32_With40007()
    {
        var plain = new byte[64];
        plain[^1] = 33;
        var error = Assert.Throws<WeComCryptoException>(() => CryptoA.Decrypt(RawEncrypt(V.A.EncodingAesKey, plain)));
        Assert.Equal(WeComErrorCode.DecryptAesError, error.Code);
    }

    [Fact]
    public void Decrypt_RejectsInvalidUtf8_With40008()
    {
        var plain = new byte[32];
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), 2);
        plain[20] = 0xC3;
        plain[21] = 0x28;
        plain.AsSpan(22).Fill(10);
        var error = Assert.Throws<WeComCryptoException>(() => CryptoA.Decrypt(RawEncrypt(V.A.EncodingAesKey, plain)));
        Assert.Equal(WeComErrorCode.IllegalBuffer, error.Code);
    }

    [Fact]
    public void ExceptionMessages_NeverContainKeyOrPlaintext()
    {
        var error = Assert.Throws<WeComCryptoException>(() => new WeComCrypto("t", "short", "c"));
        Assert.DoesNotContain("short", error.Message, StringComparison.Ordinal);
        var corp = Assert.Throws<WeComCryptoException>(() => new WeComCrypto(V.A.Token, V.A.EncodingAesKey, "other").DecryptForReceiver(V.A.EchoStr));
        Assert.DoesNotContain(V.A.EchoPlain, corp.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(V.A.CorpId, corp.Message, StringComparison.Ordinal);
    }

    private static byte[] Key(string encodingAesKey) => Convert.FromBase64String(encodingAesKey + "=");

    private static string RawEncrypt(string encodingAesKey, byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = Key(encodingAesKey);
        return Convert.ToBase64String(aes.EncryptCbc(plain, aes.Key.AsSpan(0, 16), PaddingMode.None));
    }

    private static byte[] RawDecrypt(string encodingAesKey, byte[] cipher)
    {
        using var aes = Aes.Create();
        aes.Key = Key(encodingAesKey);
        return aes.DecryptCbc(cipher, aes.Key.AsSpan(0, 16), PaddingMode.None);
    }

    [Fact]
    public void Encrypt_LayoutIsRandomLengthMessageReceiveId()
    {
        var random = Encoding.ASCII.GetBytes("0123456789abcdef");
        var plain = RawDecrypt(V.B.EncodingAesKey, Convert.FromBase64String(CryptoB.Encrypt("你好", random)));

        Assert.Equal(random, plain[..16]);
        Assert.Equal(6, BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(16)));
        Assert.Equal("你好", Encoding.UTF8.GetString(plain, 20, 6));
        Assert.Equal(V.B.CorpId, Encoding.UTF8.GetString(plain, 26, V.B.CorpId.Length));
    }
}
