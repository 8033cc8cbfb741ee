namespace WeComHelpBot.Recognition;

/// <summary>Words that work at any step of a flow.</summary>
public enum Interruption
{
    None,
    Cancel,
    Help,
    Restart,
    Handover,

    /// <summary>先到这里 / 我晚点再弄: keep the flow where it is, to be resumed later.</summary>
    Pause,

    /// <summary>继续 / 接着来: take up a paused flow again.</summary>
    Resume,

    /// <summary>上一步 / 返回: ask the previous question again.</summary>
    Back,

    /// <summary>我改主意了 / 刚才选错了，其实是…: change an earlier answer (see <see cref="CorrectionRecognizer"/>).</summary>
    Correct,
}
