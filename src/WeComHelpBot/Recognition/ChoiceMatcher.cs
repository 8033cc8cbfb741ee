namespace WeComHelpBot.Recognition;

/// <summary>
/// Picks one of several options from what the user typed, in Bot Builder's order: the whole input equals a
/// value or synonym; then the input contains one (longest wins, so "人脸识别吧" picks 人脸识别); then an
/// ordinal (第二个, 我选第二个); then a number counting from 1; then a partial bigram match ("人脸的"); last, a
/// description in other words, by the bigrams it shares with each option's words and description
/// ("提交的时候说企业名称对不上" → 法人信息校验失败). Two options that fit about equally give
/// <see cref="ChoiceMatchKind.Ambiguous"/>, so the caller can ask which one instead of guessing.
/// Bot Builder's tokenizer needs spaces, which Chinese does not have, hence the substring and bigram steps.
/// </summary>
public static class ChoiceMatcher
{
    /// <summary>Bigrams that do not tell options apart in this domain.</summary>
    private static readonly HashSet<string> CommonGrams = new(StringComparer.Ordinal)
    {
        "我们", "一下", "的时", "时候", "候说", "了一", "一个", "这个", "那个", "就是", "还是", "但是", "然后", "不是", "没有", "什么", "现在", "已经",
        "企业", "微信", "企微", "注册",
    };

    /// <param name="input">What the user typed.</param>
    /// <param name="options">For each option, the words that pick it (value first, then synonyms).</param>
    /// <param name="descriptions">Optional, per option: what it means in a sentence, for answers that describe rather than name it.</param>
    public static ChoiceMatch? Match(string? input, IReadOnlyList<IReadOnlyList<string>> options, IReadOnlyList<string?>? descriptions = null)
    {
        var text = TextNormalizer.Normalize(input);
        if (text.Length == 0 || options.Count == 0)
        {
            return null;
        }

        var core = TextNormalizer.TrimParticles(text);
        var terms = options.Select(o => o.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).ToList()).ToList();

        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Contains(text) || terms[i].Contains(core))
            {
                return new ChoiceMatch(i, ChoiceMatchKind.Exact);
            }
        }

        var ordinal = NumberRecognition.RecognizeOrdinal(input);
        if (ordinal is { } o && o <= options.Count)
        {
            return new ChoiceMatch(o - 1, ChoiceMatchKind.Ordinal);
        }

        var number = NumberRecognition.RecognizeChoiceNumber(input);
        if (number is { } n && n >= 1 && n <= options.Count)
        {
            return new ChoiceMatch(n - 1, ChoiceMatchKind.Number);
        }

        var question = QuestionDetector.LooksLikeQuestion(input);
        var contained = Best(terms, term => text.Contains(term, StringComparison.Ordinal) ? term.Length : 0);
        if (contained is { } c && !(question && text.Length > c.Score + 3))
        {
            return new ChoiceMatch(c.Index, ChoiceMatchKind.Contained);
        }

        if (question)
        {
            return null;
        }

        // A fragment of a longer option ("人脸的", "打款那个"): most shared bigrams, and at least half of the
        // input's own bigrams must belong to the option so that unrelated text does not pick anything.
        var inputGrams = TextSimilarity.Bigrams(core);
        var partial = Best(terms, term =>
        {
            var shared = TextSimilarity.Bigrams(term).Count(inputGrams.Contains);
            return shared > 0 && shared * 2 >= inputGrams.Count ? shared : 0;
        });
        if (partial is { } p)
        {
            return new ChoiceMatch(p.Index, ChoiceMatchKind.Partial);
        }

        return Similar(core, terms, descriptions);
    }


    private static ChoiceMatch? Similar(string core, List<List<string>> terms, IReadOnlyList<string?>? descriptions)
    {
        var inputGrams = TextSimilarity.Bigrams(core);
        inputGrams.ExceptWith(CommonGrams);
        if (inputGrams.Count < 2)
        {
            return null;
        }

        var scores = new int[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            var grams = new HashSet<string>(terms[i].SelectMany(TextSimilarity.Bigrams), StringComparer.Ordinal);
            if (descriptions is not null && i < descriptions.Count && descriptions[i] is { } description)
            {
                grams.UnionWith(TextSimilarity.Bigrams(TextNormalizer.Normalize(description)));
            }

            scores[i] = inputGrams.Count(grams.Contains);
        }

        var ranked = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToList();
        var best = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : -1;
        if (scores[best] < 2)
        {
            return null;
        }

        // A clear winner shares clearly more with its option; otherwise ask which one of the two.
        var secondScore = second < 0 ? 0 : scores[second];
        if (secondScore >= 2 && scores[best] - secondScore < 2)
        {
            return new ChoiceMatch(best, ChoiceMatchKind.Ambiguous, second);
        }

        return new ChoiceMatch(best, ChoiceMatchKind.Similar);
    }

    private static (int Index, int Score)? Best(List<List<string>> terms, Func<string, int> score)
    {
        var bestIndex = -1;
        var bestScore = 0;
        var tie = false;
        for (var i = 0; i < terms.Count; i++)
        {
            var s = terms[i].Count == 0 ? 0 : terms[i].Max(score);
            if (s > bestScore)
            {
                (bestIndex, bestScore, tie) = (i, s, false);
            }
            else if (s == bestScore && s > 0)
            {
                tie = true;
            }
        }

        return bestIndex >= 0 && !tie ? (bestIndex, bestScore) : null;
    }
}
