namespace WeComHelpBot.Server.DirectLine;

/// <summary>What a bearer token is worth: Direct Line answers 401 for an unknown token and 403 for an expired one.</summary>
public enum DirectLineTokenState
{
    /// <summary>Missing, malformed, forged, or of a conversation this server no longer keeps.</summary>
    Unknown,

    /// <summary>Issued for a conversation still kept, but past its lifetime or replaced by a refresh.</summary>
    Expired,

    Valid,
}
