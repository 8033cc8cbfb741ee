namespace WeComHelpBot.Channels.WeCom;

/// <summary>The error codes of WeCom's official callback samples, so logs and tests speak the same language as its documentation.</summary>
public enum WeComErrorCode
{
    Ok = 0,
    ValidateSignatureError = -40001,
    ParseXmlError = -40002,
    ComputeSignatureError = -40003,
    IllegalAesKey = -40004,
    ValidateCorpIdError = -40005,
    EncryptAesError = -40006,
    DecryptAesError = -40007,
    IllegalBuffer = -40008,
    EncodeBase64Error = -40009,
    DecodeBase64Error = -40010,
    GenReturnXmlError = -40011,
}
