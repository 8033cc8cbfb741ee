namespace WeComHelpBot.Recognition;

/// <summary>Tells a question ("人脸识别要多久") from an answer ("人脸识别吧") by its wording.</summary>
public static class QuestionDetector
{
    private static readonly string[] Markers =
    [
        "吗", "怎么", "怎样", "如何", "多久", "多少", "几个", "几天", "什么", "为什么", "为啥", "能不能", "可不可以", "是不是",
        "有没有", "要不要", "哪里", "哪儿", "在哪", "啥", "咋", "几点", "什么时候", "多长时间",
    ];

    public static bool LooksLikeQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('?') || trimmed.EndsWith('？'))
        {
            return true;
        }

        // "好几天了" tells how long, it does not ask it.
        var normalized = TextNormalizer.Normalize(trimmed).Replace("好几", string.Empty, StringComparison.Ordinal);
        return Markers.Any(normalized.Contains);
    }
}
