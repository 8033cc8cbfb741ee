using WeComHelpBot.Knowledge.Decision;
using WeComHelpBot.Knowledge.Understanding;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Knowledge;

// How a question is understood before the decision: follow-ups, comparisons, stories and the decision's features.
public sealed partial class KnowledgeRetriever
{
    /// <summary>Retrieval and the decision's features for one question, with the previous turn as context.</summary>
    public QuestionUnderstanding Understand(string question, FollowUpContext? context = null)
    {
        question ??= string.Empty;

        // A reading depends on the text, the follow-up context, the index and the settings alone: cached whole, keyed
        // by the text and the context (a question asked again after the same answer is read the same way).
        var text = question.Trim();
        if (cache is not null && cache.Accepts(text))
        {
            var key = context is null ? text : string.Concat(text, "\u0001", context.Question, "\u0001", context.EntryId);
            if (cache.TryGetUnderstanding(index, settings, key, out var known))
            {
                return known.Question == question ? known : known with { Question = question };
            }

            var understood = UnderstandAfresh(question, context);
            cache.AddUnderstanding(index, settings, key, understood);
            return understood;
        }

        return UnderstandAfresh(question, context);
    }

    private QuestionUnderstanding UnderstandAfresh(string question, FollowUpContext? context)
    {
        var prepared = Prepare(question);
        var result = Search(question, prepared);
        var alone = result;
        var focus = prepared.Focus;
        var followUp = false;
        // The follow-up was read as an item of the previous answer's list (第二步呢, 然后呢, 再多呢): that answer holds the reply.
        var listed = false;

        if (context is not null
            && (prepared.English ? EnglishFollowUp(prepared, result, context) : focus.Length <= settings.FollowUpMaxLength ? FollowUp(prepared, result, context) : null) is { } continued)
        {
            (result, focus, listed) = continued;
            followUp = true;
        }

        var top = result.Top;
        IReadOnlyList<KnowledgeEntry> shown = top is null ? [] : [top.Entry];
        var comparison = ComparisonFit.None;
        var confidence = top?.Confidence ?? 0;
        var compares = false;
        var inEnglish = top is null || followUp || !prepared.English ? null : EnglishComparison(focus, result);
        var joined = top is null || followUp || inEnglish is not null ? null : ComparisonDetector.Split(focus);
        var elliptical = joined is null;
        if (inEnglish is { } english)
        {
            compares = true;
            shown = english.Shown;
            confidence = english.Answer.Confidence;
            comparison = english.Fit;
            result = result with { Candidates = [english.Answer, .. result.Candidates.Where(c => c.Entry.Id != english.Answer.Entry.Id)] };
        }
        else if (top is not null && !followUp && (joined ?? Elliptical(focus)) is var (leftSide, rightSide))
        {
            // Joined by 和 / 跟 / 还是 …, two topics are compared whatever is found; without a joining word, only when both
            // sides find entries of their own.
            compares = !elliptical;
            var (rightTopic, asking) = ComparisonDetector.Topic(rightSide);
            // Two names of one thing (对公打款验证 / 对公账户验证) share no words until the synonyms make them one: after the
            // synonyms one side is the other, or the other and a word more (对公打款验证 / 对公打款). One that ends with the
            // other is a kind of it (部门管理员 / 超级管理员 → 管理员) and keeps its own words.
            var (normalLeft, normalRight) = (index.Knowledge.Synonyms.Normalize(leftSide), index.Knowledge.Synonyms.Normalize(rightTopic));
            var oneThing = normalLeft.StartsWith(normalRight, StringComparison.Ordinal) || normalRight.StartsWith(normalLeft, StringComparison.Ordinal);
            var (left, right, shared) = oneThing ? ComparisonDetector.Distinct(normalLeft, normalRight) : ComparisonDetector.Distinct(leftSide, rightTopic);
            // What is asked of both may be said of the first side only (公司初始能加200人，个体户呢; 事业单位的人数上限和个体户比).
            // Or of the second side only (公司和个体户成员上限哪个高: 成员上限 is asked of 公司 too).
            var asked = shared + asking + (ComparisonDetector.Topic(leftSide).Asked is { Length: > 0 } leftAsked ? leftAsked : AfterTopic(normalLeft, normalRight, asking))
                + AfterTopic(normalRight, normalLeft, "");
            var pool = result.Candidates.Take(SuggestionCount + 5).ToList();
            var (sideA, sideB) = (Side(pool, left, asked), Side(pool, right, asked));
            // Both sides found one entry that is about one of them far more (部门管理员和主管理员权限: the department admins'
            // entry holds 部门管理员 whole, 主管理员 only as an admin): the other side is the entry it finds next.
            // Each side's Fit is how much of its topic that one entry holds.
            if (sideA is { } sameA && sideB is { } sameB && sameA.Candidate.Entry.Id == sameB.Candidate.Entry.Id && !ComparisonDetector.IsKindOf(left, right)
                && Math.Abs(sameA.Fit - sameB.Fit) >= SameEntryLopsided)
            {
                var leftHolds = sameA.Fit > sameB.Fit;
                var other = leftHolds ? Side(pool, right, asked, sameA.Candidate.Entry.Id) : Side(pool, left, asked, sameA.Candidate.Entry.Id);
                (sideA, sideB) = other is null ? (sideA, sideB) : leftHolds ? (sideA, other) : (other, sideB);
            }

            if (sideA is { } a && sideB is { } b && a.Candidate.Entry.Id != b.Candidate.Entry.Id)
            {
                compares = true;
                // The entry about the aspect asked answers, unless the sides' overview holds them better (法人校验失败和打款超时
                // 哪个处理得快: how long each verification takes names 打款 and 法人 in passing; the failures' overview is about both).
                var aspect = AspectOverview(result.Candidates, focus, left, right, asked, a.Candidate, b.Candidate);
                var hub = Overview(result.Candidates, focus, left, right, a.Candidate, b.Candidate);
                // A side's own overview standing for both (the entity types' differences for 个体户) is about everything of
                // its family: the entry about the aspect asked is nearer (公司和个体户的管理员要求 → who may be the admin).
                var ownSide = hub is { } h && (h.Candidate == a.Candidate || h.Candidate == b.Candidate);
                var byAspect = aspect is not null && (hub is null || ownSide || aspect.Value.Fit >= hub.Value.Fit);
                var overview = byAspect ? aspect : hub;
                if (overview is not null)
                {
                    shown = [overview.Value.Candidate.Entry];
                    confidence = overview.Value.Candidate.Confidence;
                    comparison = new ComparisonFit(overview.Value.Fit, Math.Min(a.Margin, b.Margin), byAspect, Hub: !byAspect);
                    result = result with { Candidates = [overview.Value.Candidate, .. result.Candidates.Where(c => c != overview.Value.Candidate)] };
                }
                else
                {
                    shown = [a.Candidate.Entry, b.Candidate.Entry];
                    confidence = Math.Min(a.Confidence, b.Confidence);
                    comparison = new ComparisonFit(Math.Min(a.Fit, b.Fit), Math.Min(a.Margin, b.Margin), Sides: true);
                }
            }
            else if (!elliptical && AspectOverview(result.Candidates, focus, left, right, asked, top, top) is { } aspectOnly)
            {
                // The two sides found no entries of their own (免认证 and 微信认证 both lead to the free mode), but the
                // question asks one aspect of both (哪个能收款) and an entry about it covers both: that entry answers.
                shown = [aspectOnly.Candidate.Entry];
                confidence = aspectOnly.Candidate.Confidence;
                comparison = new ComparisonFit(aspectOnly.Fit, 0, Aspect: true);
                result = result with { Candidates = [aspectOnly.Candidate, .. result.Candidates.Where(c => c.Entry.Id != aspectOnly.Candidate.Entry.Id)] };
            }
            else if (!elliptical && sideA is { } one && sideB is { } same && one.Candidate.Entry.Id == same.Candidate.Entry.Id && top.Entry.Id == one.Candidate.Entry.Id
                && BothSidesHeld(left, right, [one.Candidate]).GetValueOrDefault(one.Candidate.Entry.Id) is var held && held >= ComparisonOverviewCoverage
                && (AspectEntry(result.Candidates, focus)?.Entry.Id ?? top.Entry.Id) == top.Entry.Id
                && !ComparisonDetector.IsKindOf(left, right))
            {
                // Both sides found the same entry, the first one, and it speaks of each (个体户和公司能用的功能一样吗 → the
                // features by kind of organisation, which lists both): it holds the two sides as an overview does, unless
                // an entry about the aspect asked answers instead (管理员要求一样吗 → who may be the admin). A side that ends
                // with the other is a kind of it (部门管理员 / 管理员), not the same thing: the two are not one entry's.
                compares = true;
                comparison = new ComparisonFit(held, Math.Min(one.Margin, same.Margin), Hub: true);
            }
        }

        // One entry answers (no comparison found two): the entry about the aspect asked (免认证要年审吗 → the annual review),
        // then, of an overview for every body, the entry about the body named (公司注册要准备哪些材料 → the company's).
        if (top is not null && !comparison.Found && shown.Count == 1)
        {
            if (AspectEntry(result.Candidates, focus) is { } aspectEntry && aspectEntry.Entry.Id != top.Entry.Id)
            {
                Lead(aspectEntry);
            }

            if (BodysOwn(result.Candidates, prepared, focus) is { } own)
            {
                Lead(own);
            }
        }

        var clause = prepared.Story && top is not null ? ClauseConfidence(prepared.Focus, top) : confidence;
        // Two topics compared, but no answer holds both (no overview, the sides not found apart): one side alone answers.
        var oneSide = compares && !comparison.Found;

        // How a follow-up was answered: by another entry than the previous answer's (那免认证呢 → the free mode), and how much
        // of the message alone that entry holds. Staying on the previous entry while the message names another topic
        // (营业执照呢 after the ID card's requirements) is the usual way a follow-up is answered wrong.
        var reading = followUp && top is not null
            ? new FollowUpReading(
                top.Entry.Id != context!.EntryId,
                alone.Candidates.FirstOrDefault(c => c.Entry.Id == top.Entry.Id)?.Coverage ?? 0,
                (top.Entry.Id == context.EntryId && (QuestionFocus.Continues(prepared.Focus) || ListsTopicOf(QuestionFocus.WithoutSameCue(prepared.Focus), top.Entry)))
                || PointsToTopicOf(prepared.Focus, context.EntryId, top)
                || listed)
            : default;
        var features = Features(focus, result, confidence, clause, prepared, reading, followUp, comparison with { OneSide = oneSide }, shown);
        return new QuestionUnderstanding(question, focus, result, features, shown, prepared.English, followUp);

        void Lead(RetrievalCandidate answer)
        {
            shown = [answer.Entry];
            confidence = answer.Confidence;
            result = result with { Candidates = [answer, .. result.Candidates.Where(c => c.Entry.Id != answer.Entry.Id)] };
            top = answer;
        }
    }

    /// <summary>
    /// Reads a short message in the previous turn's context: the previous question and the message are searched together,
    /// and of those candidates the one that also covers the message's own words wins (那个体户呢 after 公司最多能加多少人 →
    /// the sole proprietor's limit, not the company's again). Null when the message stands on its own: it finds an entry
    /// with confidence by itself (安全设置都包括啥 after 注册完先配置什么 is the security settings' own question, even though the
    /// previous answer pointed to them).
    /// </summary>
    private (RetrievalResult Result, string Focus, bool Listed)? FollowUp(PreparedQuestion prepared, RetrievalResult plain, FollowUpContext context)
    {
        var previous = context.EntryId is null ? null : index.Knowledge.Find(context.EntryId);
        var near = previous is null ? [] : previous.Related.Append(previous.Id).ToHashSet(StringComparer.Ordinal);
        var topic = context.Question is { Length: > 0 } q ? Prepare(q).Focus : previous?.Title;
        if (topic is null)
        {
            return null;
        }

        // 第二步呢 after the answer about one step of an ordered list (the first registration stage) asks about that list's
        // second item, when the previous answer has no numbered list of its own; 最后一步 after a step that is not the
        // list's last asks about its last, whatever the step's own answer lists (安全设置 in the order of setting up).
        if (previous is not null && SequenceStepNamed(prepared.Focus, previous) is { } ordinal && Retrieve(ordinal) is { Count: > 0 } ordinalCandidates)
        {
            return (new RetrievalResult(plain.Question, ordinalCandidates), ordinal, true);
        }

        // 第二步具体怎么弄 after a numbered list (注册分 4 个阶段：1. 创建企业… 2. 主体验证…) asks about the second item by name.
        if (previous is not null && (StepNamed(prepared.Focus, previous.Answer) ?? StepCalled(prepared.Focus, previous.Answer)) is { } named && Retrieve(named) is { Count: > 0 } stepCandidates)
        {
            return (new RetrievalResult(plain.Question, stepCandidates), named, true);
        }

        // 然后呢 after the answer about one step of an ordered list (注册的四个阶段, 配置顺序) asks about the step after it;
        // 组织架构之后呢 about the step after the one it names.
        if (previous is not null && QuestionFocus.AsksNext(prepared.Focus) && NextStep(prepared.Focus, previous) is { } next && Retrieve(next) is { Count: > 0 } nextCandidates)
        {
            return (new RetrievalResult(plain.Question, nextCandidates), next, true);
        }

        // 再多呢 / 我们三千多人呢 after a way to add members that allows fewer asks for the way that allows that many.
        if (previous is not null && Headcount.Asked(prepared.Focus) is { } people && Roomier(previous, people) is { } roomier
            && index.Knowledge.Find(roomier.EntryId) is { } roomierEntry)
        {
            var found = Retrieve(roomier.Item);
            var first = found.FirstOrDefault(c => c.Entry.Id == roomier.EntryId) ?? new RetrievalCandidate(roomierEntry, 0, 1, 1);
            return (new RetrievalResult(plain.Question, [first, .. found.Where(c => c != first)]), roomier.Item, true);
        }

        var merged = $"{topic}，{prepared.Focus}";
        var candidates = Retrieve(merged);
        if (candidates.Count == 0)
        {
            return null;
        }

        // A message about something the knowledge base does not know (天气怎么样) is no follow-up, whatever came before.
        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, prepared.Focus);
        // One that asks an aspect of the previous topic (贵不贵, 快不快) is one, whatever words it uses.
        if (words.Count(w => !index.IsKnownWord(w)) * 2 > words.Count && !QuestionFocus.Continues(prepared.Focus)
            && !index.Knowledge.Aspects.Any(a => a.IsAskedIn(prepared.Focus)))
        {
            return null;
        }

        // A message with no topic word of its own (还是不行, 要多久) continues the previous entry itself; so does one that says
        // the last answer did not settle it and names nothing of two characters or more (照做了还是不行: 照 and 做 are
        // words the entries use, not a topic). So does one that asks what each topic's own entry states in words the
        // previous entry holds, topic word or not (事业单位能用啥 after the features by kind of organisation: 功能): that
        // entry says it for every topic it names.
        var ownTopic = words.Any(index.IsNamingWord);
        var staysOn = !ownTopic || (QuestionFocus.Continues(prepared.Focus) && !words.Any(w => w.Length >= 2 && index.IsNamingWord(w)));
        if (previous is not null && candidates.FirstOrDefault(c => c.Entry.Id == previous.Id) is { } same
            && ((staysOn && !prepared.Focus.Contains('多') && !prepared.Focus.Contains('几'))
                || (index.Knowledge.Aspects.Any(a => a.PerTopic && a.IsAskedIn(prepared.Focus))
                    && KeyCoverage(prepared.Focus, [same]).GetValueOrDefault(same.Entry.Id) >= FollowUpHeldByPrevious)))
        {
            return (new RetrievalResult(plain.Question, [same, .. candidates.Where(c => c != same)]), merged, false);
        }

        // For the restatement: a topic of its own is a naming word of two characters or more that asks no aspect (多久 and
        // 年审 are what is asked of a topic, not one).
        var namesTopic = words.Any(w => w.Length >= 2 && index.IsNamingWord(w) && !IsAspectWord(w));

        // 没执照呢 after the materials asks what to do without a licence: the licence's own entry says it (没有营业执照能注册吗),
        // not the previous question asked of it.
        if (namesTopic && QuestionFocus.Lacks(prepared.Focus) && plain.Top is { } lacking
            && KeyCoverage(prepared.Focus, [lacking]).GetValueOrDefault(lacking.Entry.Id) >= FollowUpOwnTopic)
        {
            return (plain, prepared.Focus, false);
        }

        // The message read as the previous question asked again: 那免认证呢 after 微信认证需要年审吗 is 免认证需要年审吗, 要多久
        // after 人脸识别验证怎么做 is 人脸识别要多久. Of the ways to read it, the one whose best entry is surest.
        var restated = QuestionFocus.Continues(prepared.Focus) ? [] : Restated(topic, prepared.Focus, namesTopic)
            .Select(text => (Text: text, Candidates: Retrieve(text)))
            .Where(r => r.Candidates.Count > 0)
            .ToList();
        if (restated.Count > 0)
        {
            // With a topic of its own, a reading's entries are weighed by how much each is about that topic as well: 那公司呢
            // after 个体户最多加多少人 is the company's limit, whichever reading puts it first. They are ordered by both, but each
            // keeps its confidence in the restated question, which reads like any full question; the surest reading wins.
            (string Text, IReadOnlyList<RetrievalCandidate> Candidates, double Surety) Weighed((string Text, IReadOnlyList<RetrievalCandidate> Candidates) r)
            {
                var about = namesTopic ? KeyCoverage(prepared.Focus, r.Candidates) : [];
                double Weight(RetrievalCandidate c) => c.Confidence + about.GetValueOrDefault(c.Entry.Id);
                var ordered = namesTopic ? r.Candidates.OrderByDescending(Weight).ToList() : r.Candidates;
                return (r.Text, ordered, Weight(ordered[0]));
            }

            var surest = restated.Select(Weighed).MaxBy(r => r.Surety);
            return (new RetrievalResult(plain.Question, surest.Candidates), surest.Text, false);
        }

        // Each candidate of the joint search, weighed by how well it fits the joint text and the message's own words, the
        // previous entry and its related ones a little more: that weight is the candidate's confidence as a follow-up.
        // A message that names a topic of its own (模板呢, 那免认证要钱吗) asks about that topic: an entry is measured by how
        // much of the message its title, questions and tags hold as well, and the previous entry gets no preference unless
        // it is about that topic too.
        var ownCoverage = plain.Candidates.ToDictionary(c => c.Entry.Id, c => c.Coverage, StringComparer.Ordinal);
        var ownKey = ownTopic ? KeyCoverage(prepared.Focus, candidates) : [];
        double Own(RetrievalCandidate c) => Math.Max(ownCoverage.GetValueOrDefault(c.Entry.Id), ownKey.GetValueOrDefault(c.Entry.Id));
        bool Preferred(RetrievalCandidate c) =>
            near.Contains(c.Entry.Id) && !(ownTopic && c.Entry.Id == previous?.Id && ownKey.GetValueOrDefault(c.Entry.Id) < FollowUpOwnTopic);
        var reweighed = WeighedAsFollowUp(candidates, Own, Preferred);

        // "那X呢" asks the previous question again about X: it never stands alone.
        var elliptical = prepared.Focus.StartsWith('那') || prepared.Focus.TrimEnd('？', '?', ' ').EndsWith('呢') || QuestionFocus.AsksTheSameOf(prepared.Focus);
        var plainTop = plain.Top;
        // A message whose own reading cannot tell its entries apart (成员上限是多少 after the hospital's materials: the
        // company's and the institution's limit both fit) leaves out whose it asks about: the previous question says it.
        // Not one that points at a thing by name (扫脸那个咋弄) or says what is missing (还没执照咋办, 法人没微信选哪个): that
        // thing decides.
        var undecided = plain.Candidates is [var best, var runnerUp, ..] && runnerUp.Confidence >= best.Confidence - FollowUpUndecided
            && !prepared.Focus.Contains("那个", StringComparison.Ordinal) && !prepared.Focus.Contains('没');
        var standsAlone = !elliptical && plainTop is not null && plainTop.Confidence >= settings.FollowUpPlainConfidence && !undecided;
        if (standsAlone)
        {
            return null;
        }

        return (new RetrievalResult(plain.Question, reweighed), merged, false);
    }

    /// <summary>
    /// The joint search's candidates, each with its confidence as a follow-up: half its fit to the previous question and
    /// the message together, half how much of the message alone it holds (<paramref name="own"/>), and a little more when
    /// the previous answer points to it (<paramref name="preferred"/>); surest first. Chinese and English follow-ups alike.
    /// </summary>
    private static List<RetrievalCandidate> WeighedAsFollowUp(IEnumerable<RetrievalCandidate> candidates, Func<RetrievalCandidate, double> own, Func<RetrievalCandidate, bool> preferred) =>
        candidates
            .Select(c => c with { Confidence = Math.Clamp((0.5 * c.Confidence) + (0.5 * own(c)) + (preferred(c) ? FollowUpPreference : 0), 0, 1) })
            .OrderByDescending(c => c.Confidence)
            .ToList();

    /// <summary>
    /// The message with "第N步" (or 第N个/第N项, or 最后一步 for the last) replaced by the name of that item of the previous
    /// answer's numbered list (1. 创建企业：… → 创建企业) or of its arrow chain (创建企业 → 主体验证 → …); null when the
    /// message names no item or the answer has no such item.
    /// </summary>
    private static string? StepNamed(string message, string answer)
    {
        var match = OrdinalStep().Match(message);
        if (!match.Success || Ordinal(match) is not { } number)
        {
            return null;
        }

        return OwnStep(answer, number) is { } item ? message.Replace(match.Value, item, StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// The item of <paramref name="answer"/>'s own list that step <paramref name="number"/> names (for <see cref="LastStep"/>,
    /// the last of a list of three or more); null when the list has no such item.
    /// </summary>
    private static string? OwnStep(string answer, int number) =>
        ItemAt(Steps(answer, number == LastStep ? 3 : number), number) is { Length: > 0 } item ? item : null;

    /// <summary>The Nth of <paramref name="items"/>, the last for <see cref="LastStep"/> however many there are; null past the end.</summary>
    private static string? ItemAt(IReadOnlyList<string> items, int number)
    {
        var n = number == LastStep ? items.Count : number;
        return n > 0 && n <= items.Count ? items[n - 1] : null;
    }

    // What Ordinal gives for 最后一步: the last item, however many there are.
    private const int LastStep = int.MaxValue;

    /// <summary>The number an <see cref="OrdinalStep"/> match names (第二步 → 2, 第3个 → 3), <see cref="LastStep"/> for 最后一步; null for none.</summary>
    private static int? Ordinal(System.Text.RegularExpressions.Match match)
    {
        var named = match.Groups[1].Value;
        if (named.Length == 0)
        {
            return LastStep;
        }

        var number = "一二三四五六七八九".IndexOf(named[0], StringComparison.Ordinal) + 1;
        return number > 0 ? number : int.TryParse(named, out number) ? number : null;
    }

    /// <summary>
    /// The message with "第N步" (or 最后一步) replaced by the Nth item of the knowledge base's ordered list that holds
    /// <paramref name="previous"/> (<see cref="Sequences"/>); null when the message names no step by number, no list holds
    /// the previous entry, or the previous answer's own list has that step (as <see cref="StepNamed"/> reads it). 最后一步
    /// after 第 3 步「管理员设置」做两件事：1. … 2. … is the last registration stage: two things to do are no list of steps.
    /// 最后一步 after a step that is not its list's last is that list's last step even when the step's own answer is a list
    /// (the security settings, one step of setting up, list 水印, 设备锁…): the list the step stands in is the one meant.
    /// </summary>
    private string? SequenceStepNamed(string message, KnowledgeEntry previous)
    {
        var match = OrdinalStep().Match(message);
        if (!match.Success || Ordinal(match) is not { } ordinal
            || (sequenceSteps ??= Sequences()).FirstOrDefault(l => l.Any(s => s.EntryId == previous.Id)) is not { } steps)
        {
            return null;
        }

        var lastOfItsList = ordinal == LastStep && steps[^1].EntryId != previous.Id;
        if (!lastOfItsList && OwnStep(previous.Answer, ordinal) is not null)
        {
            return null;
        }

        return ItemAt(steps.ConvertAll(s => s.Item), ordinal) is { } item ? message.Replace(match.Value, item, StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// The message with "X那步" (or X这步 / X那个阶段 / X那块) replaced by the item of the previous answer's list that X names
    /// (管理员那步具体怎么弄 after the four stages → 管理员设置具体怎么弄); null when the message calls no step so or no item holds X.
    /// </summary>
    private static string? StepCalled(string message, string answer)
    {
        var match = CalledStep().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups[1].Value;
        var item = Steps(answer, 1).FirstOrDefault(i => i.Contains(name, StringComparison.Ordinal));
        return item is null ? null : message.Replace(match.Value, item, StringComparison.Ordinal);
    }

    /// <summary>The items of an answer's numbered list (1. 创建企业：… → 创建企业), or of its arrow chain (创建企业 → 主体验证 → …) when the list has fewer than <paramref name="atLeast"/>.</summary>
    private static List<string> Steps(string answer, int atLeast)
    {
        var items = NumberedItem().Matches(answer).Select(m => m.Groups[1].Value.Trim()).ToList();
        return items.Count >= atLeast ? items
            : answer.Split('\n').Select(line => line.Split('→')).FirstOrDefault(chain => chain.Length >= 3)?
                .Select(item => item.Trim(' ', '：', ':', '。', '，', '「', '」')).ToList() ?? [];
    }

    /// <summary>
    /// The step after the one <paramref name="message"/> names, or else after the one the previous answer was about, in an
    /// ordered list of the knowledge base (<see cref="Sequences"/>); null when neither is a step or it is the last one.
    /// </summary>
    private string? NextStep(string message, KnowledgeEntry previous)
    {
        var sequences = sequenceSteps ??= Sequences();
        foreach (var at in new Func<(string Item, string EntryId), bool>[] { s => message.Contains(s.Item, StringComparison.Ordinal), s => s.EntryId == previous.Id })
        {
            foreach (var steps in sequences)
            {
                var index = steps.FindIndex(s => at(s));
                if (index >= 0)
                {
                    return index + 1 < steps.Count ? steps[index + 1].Item : null;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The way after <paramref name="previous"/> in a list of ways that allow more and more people (<see cref="Ladders"/>)
    /// that allows <paramref name="people"/>, or simply the next one when no number is asked
    /// (<see cref="Headcount.MoreThanBefore"/>); null when <paramref name="previous"/> is in no such list, or already
    /// allows that many, or nothing after it does.
    /// </summary>
    private (string Item, string EntryId)? Roomier(KnowledgeEntry previous, int people)
    {
        foreach (var ladder in headcountLadders ??= Ladders())
        {
            var at = ladder.FindIndex(s => s.EntryId == previous.Id);
            if (at < 0 || (people != Headcount.MoreThanBefore && ladder[at].Allows >= people))
            {
                continue;
            }

            var next = ladder.Skip(at + 1).FirstOrDefault(s => people == Headcount.MoreThanBefore || s.Allows >= people);
            if (next.EntryId is not null)
            {
                return (next.Item, next.EntryId);
            }
        }

        return null;
    }

    /// <summary>
    /// The knowledge base's lists of ways that allow more and more people: an answer's list of two or more items, each
    /// saying how many people it allows (手动输入：每次最多 50 人 / Excel 模板导入：每次最多 1000 人 / API 接口：没有单次限制),
    /// in growing order, each finding an entry of its own first.
    /// </summary>
    private List<List<(string Item, string EntryId, int Allows)>> Ladders() =>
        index.Knowledge.Entries
            .Select(e => (Entry: e, Items: ListItem().Matches(e.Answer).Select(m => (Item: m.Groups[1].Value.Trim(), Allows: Headcount.Allowed(m.Groups[2].Value))).ToList()))
            .Where(x => x.Items.Count >= 2 && x.Items.All(i => i.Allows is not null) && x.Items.Zip(x.Items.Skip(1)).All(p => p.Second.Allows > p.First.Allows))
            .Select(x => EntriesOfItems(x.Items.Select(i => i.Item), x.Entry) is { } ids ? x.Items.Zip(ids, (i, id) => (i.Item, EntryId: id, Allows: i.Allows!.Value)).ToList() : null)
            .OfType<List<(string Item, string EntryId, int Allows)>>()
            .ToList();

    /// <summary>
    /// The entry each of <paramref name="items"/> finds first, when every item finds one of its own: another than
    /// <paramref name="owner"/> (whose answer lists them) and another than the other items'. Null otherwise: a list whose
    /// items lead back to one entry (the steps of fixing one failure) lists no topics.
    /// </summary>
    private List<string>? EntriesOfItems(IEnumerable<string> items, KnowledgeEntry owner)
    {
        var ids = items.Select(item => Retrieve(item).FirstOrDefault()?.Entry.Id).ToList();
        return ids.All(id => id is not null && id != owner.Id) && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count
            ? ids.Select(id => id!).ToList()
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*(?:[-•*]|\d+[.、．])\s*([^：:\n]+)[：:]([^\n]*)$")]
    private static partial System.Text.RegularExpressions.Regex ListItem();

    /// <summary>
    /// The knowledge base's ordered lists of steps: an answer's numbered list or arrow chain of three or more items, each of
    /// which finds an entry of its own first (注册的四个阶段: 创建企业 → stage-create-company, 主体验证 → verify-methods …).
    /// A list whose items lead back to one entry (the steps of fixing one failure) is no sequence of topics.
    /// </summary>
    private List<List<(string Item, string EntryId)>> Sequences() =>
        index.Knowledge.Entries
            .Select(e => (Entry: e, Steps: Steps(e.Answer, 3)))
            .Where(x => x.Steps.Count >= 3)
            .Select(x => EntriesOfItems(x.Steps, x.Entry) is { } ids ? x.Steps.Zip(ids, (item, id) => (Item: item, EntryId: id)).ToList() : null)
            .OfType<List<(string Item, string EntryId)>>()
            .ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:第([一二三四五六七八九1-9])|最后一?)(?:步|个|项|个?阶段)")]
    private static partial System.Text.RegularExpressions.Regex OrdinalStep();

    [System.Text.RegularExpressions.GeneratedRegex(@"([\p{IsCJKUnifiedIdeographs}A-Za-z]{2,6}?)(?:那|这)(?:一)?(?:步|个阶段|个步骤|个环节|块|部分)")]
    private static partial System.Text.RegularExpressions.Regex CalledStep();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs}{2,10}?)(?:不行|搞不定|搞不了|做不了|弄不了|过不了|不通过)(?:的话)?[，, ]*(?:那|换成|换|改用|改走|还能走|走|用)?(?!的|要|怎|咋|找|该|会|能|可以|需要|还要|是不是|有没有)(\p{IsCJKUnifiedIdeographs}{2}.*)$")]
    private static partial System.Text.RegularExpressions.Regex FallbackAfter();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:没法做|做不了|没法|弄不了)(\p{IsCJKUnifiedIdeographs}{2,10}?)[，, ]+(?:换成|换|改用|改走|用)(\p{IsCJKUnifiedIdeographs}{2}.*)$")]
    private static partial System.Text.RegularExpressions.Regex FallbackInstead();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*\d+[.、．]\s*([^：:，,；;\n]+)")]
    private static partial System.Text.RegularExpressions.Regex NumberedItem();

    // How a short message leans on the previous one: 那 / 换成 / 如果是 before the topic, 呢 / 的话 after it.
    private static readonly string[] EllipsisOpenings = ["那么", "那如果是", "那要是", "如果是", "要是", "换成", "换做", "那", "改成"];
    // 也一样吗 asks the previous question again of another topic (个体户也一样吗 after 公司在哪注册), as 呢 does.
    private static readonly string[] EllipsisEndings = ["的话呢", "的呢", "也一样吗", "也是这样吗", "也这样吗", "也一样", "呢", "的话", "？", "?", "吗"];

    /// <summary>
    /// The previous question asked again with the message in it: a message that only names a topic (那免认证呢, 换成事业单位呢)
    /// takes the place of each topic word of the previous question in turn; a message that names no topic (要多久, 最多几个)
    /// is asked of the previous question's topic words. Nothing for a message that asks something of a topic of its own.
    /// </summary>
    private IEnumerable<string> Restated(string previousFocus, string message, bool namesTopic)
    {
        var previous = index.Knowledge.Synonyms.Normalize(previousFocus);
        var slots = TopicSlots(previous);
        if (slots.Count == 0)
        {
            yield break;
        }

        if (!namesTopic)
        {
            // 那要年审吗 after 免认证有什么限制 is 免认证要年审吗: the 那 that leans on the previous question goes.
            var remainder = WithoutOpening(message.Trim()).Remainder;
            yield return $"{string.Concat(slots.Select(x => previous.Substring(x.Start, x.Length)))}{remainder}";

            // An aspect that one entry answers for every topic (在哪注册: the entrances; 管理员谁来当: who may be the admin)
            // may be asked afresh: the previous question's own subject (个体户注册要什么材料) would only pull its reading away.
            var asked = index.Knowledge.Synonyms.Normalize(remainder);
            if (index.Knowledge.Aspects.Any(a => !a.PerTopic && a.IsAskedIn(asked)))
            {
                yield return remainder;
            }

            yield break;
        }

        var (topic, opened) = WithoutOpening(message.Trim());
        var ending = EllipsisEndings.FirstOrDefault(e => topic.EndsWith(e, StringComparison.Ordinal) && topic.Length > e.Length + 1);
        topic = topic[..^(ending?.Length ?? 0)];
        var elliptical = opened || ending is not null;

        // Only a message that is one topic and little more (公司, 事业单位, 用Excel, 像我们这种事业单位) stands in for one of the
        // previous question's: the topic itself takes the place, without the words around it.
        // One topic may be named twice (学校这种事业单位: 学校 is a 事业单位 in synonyms.yaml).
        var normalizedTopic = index.Knowledge.Synonyms.Normalize(topic).Trim();
        var named = TopicSlots(normalizedTopic);
        if (named.Select(x => normalizedTopic.Substring(x.Start, x.Length)).Distinct(StringComparer.Ordinal).Count() != 1
            || named.Sum(x => x.Length) < normalizedTopic.Length - (elliptical ? normalizedTopic.Length / 2 : 1))
        {
            yield break;
        }

        normalizedTopic = normalizedTopic.Substring(named[0].Start, named[0].Length);

        // 个体户也一样吗 after 注册入口在哪 asks the whole previous question of the new topic, which it may not name at all:
        // the topic is put before it, not in the place of one of its words.
        if (QuestionFocus.AsksTheSameOf(message))
        {
            yield return normalizedTopic + previous;
            yield break;
        }

        // A topic takes the place of a topic, not of what was asked of it (个体户也是那里吗 after 公司在哪注册企业微信: 入口
        // is asked of 公司, and 个体户 takes 公司's place).
        foreach (var (start, length) in slots)
        {
            var replaced = previous.Substring(start, length);
            if (!string.Equals(replaced, normalizedTopic, StringComparison.OrdinalIgnoreCase) && !IsAspectWord(replaced))
            {
                yield return previous[..start] + normalizedTopic + previous[(start + length)..];
            }
        }
    }

    /// <summary>A word that asks or covers an aspect of a topic (入口, 多久, 年审): what is asked of a topic, not one.</summary>
    private bool IsAspectWord(string word) => index.Knowledge.Aspects.Any(a => a.Asks.Contains(word) || a.Covers.Contains(word));

    // What follows a right side that leaves out what the left side says (个体户比, 企业的呢, 个体户呢).
    private static readonly string[] ElidedAfter = ["比", "的", "呢", "相比"];

    /// <summary>
    /// What the left side of a comparison says after its topic when the right side is a topic alone set against it
    /// (公司注册材料跟个体户比 → 注册材料, asked of 个体户 too); empty otherwise, and when the right side asks something of its
    /// own (法人扫脸和微信认证哪个要花钱: 微信认证 is no 法人's). Both sides are in canonical synonyms.
    /// </summary>
    private string AfterTopic(string left, string right, string asking)
    {
        if (asking.Length > 0 && !ElidedAfter.Any(w => asking.StartsWith(w, StringComparison.Ordinal)))
        {
            return "";
        }

        var leftSlots = TopicSlots(left);
        var rightSlots = TopicSlots(right);
        return leftSlots is [{ Start: 0 } first, _, ..] && rightSlots is [{ Start: 0 } only] && only.Length == right.Length
            ? left[first.Length..]
            : "";
    }

    /// <summary>The message without the word that leans it on the previous one (那, 换成, 如果是 …), if it opens with one.</summary>
    private static (string Remainder, bool Opened) WithoutOpening(string message)
    {
        var opening = EllipsisOpenings.FirstOrDefault(o => message.StartsWith(o, StringComparison.Ordinal) && message.Length > o.Length + 1);
        return (message[(opening?.Length ?? 0)..], opening is not null);
    }

    /// <summary>
    /// Where <paramref name="text"/> (already in canonical synonyms) names a topic: the longest tags and canonical synonyms
    /// of two characters or more, left to right, without overlap (个体工商户 is one slot, not 个体 + 工商户).
    /// </summary>
    private List<(int Start, int Length)> TopicSlots(string text)
    {
        var slots = new List<(int Start, int Length)>();
        var i = 0;
        while (i < text.Length)
        {
            var phrase = topicPhrases.Value.FirstOrDefault(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0 && i + p.Length <= text.Length);
            if (phrase is null)
            {
                i++;
                continue;
            }

            slots.Add((i, phrase.Length));
            i += phrase.Length;
        }

        return slots;
    }

    /// <summary>
    /// One side of a comparison: among the whole question's candidates, the entry whose title, questions and tags are
    /// about the side's topic and that best answers the question asked of it (公司 + 各能加多少人 → the company's limit);
    /// null when no entry is about the side. <see cref="ComparisonSide.Fit"/> is how much of the side's topic the entry's
    /// title, questions and tags hold; <see cref="ComparisonSide.Margin"/> how far it leads the next entry for that side.
    /// <paramref name="besides"/> is an entry the side may not take: the one the other side holds.
    /// </summary>
    private ComparisonSide? Side(IReadOnlyList<RetrievalCandidate> pool, string side, string asked, string? besides = null)
    {
        if (besides is not null)
        {
            pool = pool.Where(c => c.Entry.Id != besides).ToList();
        }

        // A side that names one registering body (企业) is not another body's entry (the sole proprietor's limit, whose
        // answer says 企业 too).
        if (BodyNamedIn(side) is { } body)
        {
            pool = pool.Where(c => !AboutAnotherBody(c.Entry.Id, body)).ToList();
        }

        // Scored against the whole question's candidates only, without a search of its own: the whole question holds both
        // sides' words, so both sides' entries are among its hits, and a comparison costs no more Lucene queries.
        var topic = Prepare(side).Focus;
        var about = ConfidenceFor(topic, pool);
        if (about.Count == 0 || about.Values.Max() < ComparisonSideConfidence)
        {
            return null;
        }

        var answers = asked.Length == 0 ? about : ConfidenceFor($"{topic}{asked}", pool);
        double Score(RetrievalCandidate c) => about.GetValueOrDefault(c.Entry.Id) + answers.GetValueOrDefault(c.Entry.Id);
        var ranked = pool.OrderByDescending(Score).ToList();
        var best = ranked[0];
        var margin = ranked.Count > 1 ? (Score(best) - Score(ranked[1])) / 2 : Score(best) / 2;
        var fit = KeyCoverage(topic, [best]).GetValueOrDefault(best.Entry.Id);
        return new ComparisonSide(best, fit, margin, answers.GetValueOrDefault(best.Entry.Id));
    }

    /// <summary>
    /// How much of the weaker side's topic each of <paramref name="candidates"/>' entries holds anywhere, its answer included:
    /// whether an entry speaks of both sides. Keyed by entry id; an entry that holds nothing of a side is missing or 0.
    /// </summary>
    private Dictionary<string, double> BothSidesHeld(string left, string right, IReadOnlyList<RetrievalCandidate> candidates)
    {
        var leftAll = FullCoverage(Prepare(left).Focus, candidates);
        var rightAll = FullCoverage(Prepare(right).Focus, candidates);
        return leftAll.ToDictionary(p => p.Key, p => Math.Min(p.Value, rightAll.GetValueOrDefault(p.Key)), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every entry that is <paramref name="wanted"/>: the question's candidates first, then those the search did not find,
    /// weighed by the question's confidence alone. The ones the search did not find are looked for <paramref name="among"/>
    /// only, the knowledge base's entries of that sort (those that compare, those about an aspect), never all of them.
    /// </summary>
    private List<RetrievalCandidate> EntriesWhere(IReadOnlyList<RetrievalCandidate> candidates, string focus, IEnumerable<KnowledgeEntry> among, Func<KnowledgeEntry, bool> wanted)
    {
        var found = candidates.Select(c => c.Entry.Id).ToHashSet(StringComparer.Ordinal);
        var missed = among
            .Where(e => !found.Contains(e.Id) && wanted(e))
            .Select(e => new RetrievalCandidate(e, 0, 0, candidates.Count + 1))
            .ToList();
        var missedConfidence = ConfidenceFor(focus, missed);
        return candidates.Where(c => wanted(c.Entry))
            .Concat(missed.Select(c => c with { Confidence = missedConfidence.GetValueOrDefault(c.Entry.Id) }))
            .ToList();
    }

    /// <summary>
    /// The overview of the two sides: an entry that compares (its title or tags say so: 对比, 三种, 哪种…) and lists both
    /// side entries among its related ones (三种导入方式对比 → the manual input and the template import). It is where the
    /// two are set side by side, whatever is asked of both. When one side found only an overview of its own family
    /// (微信认证 → the certification types), an overview that lists the other side's entry and names the first side in its
    /// title, questions or tags stands in (微信认证还是人脸识别 → the verification methods). Null when there is none: the two
    /// sides then go side by side.
    /// Other entries that merely name or cover both sides (the entity types' differences for 公司和个体户的材料) are no
    /// overview: on the dev sets such an entry was the right answer for 3 of 17 comparisons, the two sides for 4 in 5.
    /// </summary>
    private (RetrievalCandidate Candidate, double Fit)? Overview(IReadOnlyList<RetrievalCandidate> candidates, string focus, string left, string right, RetrievalCandidate a, RetrievalCandidate b)
    {
        // A side's own entry that compares and lists the other side's entry, itself no overview, is such an overview too
        // (微信认证和对公账户验证: the certification types, found for 微信认证, list the bank account verification).
        bool Holds(KnowledgeEntry e, RetrievalCandidate side, RetrievalCandidate other) =>
            e.Related.Contains(side.Entry.Id) || (e.Id == side.Entry.Id && !ComparisonDetector.Compares(other.Entry));
        bool IsHub(KnowledgeEntry e) => Holds(e, a, b) && Holds(e, b, a) && ComparisonDetector.Compares(e);

        // The overview seldom uses the words of a question about two of its sides (法人校验失败和打款超时都要找客服吗 names
        // neither 常见问题 nor 对比), so the search may miss it.
        var hubs = EntriesWhere(candidates, focus, comparingEntries.Value, IsHub);
        // When no entry lists both, or one side's own entry is the overview, the other family's overviews that name that
        // side stand in or compete (对公打款和微信认证: the verification methods against the certification types).
        if (hubs.Count == 0 || hubs.Any(h => h.Entry.Id == a.Entry.Id || h.Entry.Id == b.Entry.Id))
        {
            hubs.AddRange(FamilyOverviews(candidates, focus, left, right, a, b).Where(f => !hubs.Any(h => h.Entry.Id == f.Entry.Id)));
        }

        if (hubs.Count == 0)
        {
            return null;
        }

        // How much of each side's topic the overview holds anywhere (its answer included): the weaker side's share.
        var held = BothSidesHeld(left, right, hubs);
        double Fit(RetrievalCandidate c) => held.GetValueOrDefault(c.Entry.Id);
        // Of two overviews the synonyms cannot tell apart, the one whose tags use the words the question uses.
        double Literal(RetrievalCandidate c) => LiteralTagPreference * LiteralTags(c.Entry, focus);
        var chosen = hubs.MaxBy(c => Fit(c) + c.Confidence + Literal(c))!;
        return (chosen, Fit(chosen));
    }

    /// <summary>
    /// How many of <paramref name="entry"/>'s tags of three characters or more <paramref name="question"/> writes as they
    /// stand, before any synonym (对公账户验证 and 微信认证 in 微信认证和对公账户验证选哪个).
    /// </summary>
    private static int LiteralTags(KnowledgeEntry entry, string question) =>
        entry.Tags.Where(t => t.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase).Count(t => question.Contains(t, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// When exactly one side found an overview of its own family (微信认证 → the certification types), the overviews of the
    /// other side's family that name the first side as well: where the two meet (微信认证还是人脸识别 → the verification
    /// methods). Empty otherwise.
    /// </summary>
    private List<RetrievalCandidate> FamilyOverviews(IReadOnlyList<RetrievalCandidate> candidates, string focus, string left, string right, RetrievalCandidate a, RetrievalCandidate b)
    {
        var aOverview = ComparisonDetector.Compares(a.Entry);
        if (aOverview == ComparisonDetector.Compares(b.Entry))
        {
            return [];
        }

        var (family, member, familyTopic) = aOverview ? (a, b, left) : (b, a, right);
        var others = EntriesWhere(candidates, focus, comparingEntries.Value, e => e.Related.Contains(member.Entry.Id) && e.Id != family.Entry.Id && e.Id != member.Entry.Id && ComparisonDetector.Compares(e));
        var named = KeyCoverage(Prepare(familyTopic).Focus, others);
        return others.Where(c => named.GetValueOrDefault(c.Entry.Id) >= ComparisonOverviewCoverage).ToList();
    }

    /// <summary>
    /// The entry about what the comparison asks of both sides (扫脸和打款哪个快 → how long each verification takes; 应用接入和
    /// 安全设置哪个先做 → the setup order): an entry whose title, questions or tags are about an aspect the question asks
    /// (knowledge/aspects.yaml) and that covers both sides, in its text or by pointing to both side entries. It answers
    /// the question better than the sides' own entries, which each speak of one side, or a broader overview, which
    /// speaks of every aspect. Null when the question asks no known aspect or no such entry covers both.
    /// </summary>
    private (RetrievalCandidate Candidate, double Fit)? AspectOverview(IReadOnlyList<RetrievalCandidate> candidates, string focus, string left, string right, string asked, RetrievalCandidate a, RetrievalCandidate b)
    {
        // An aspect that ends both sides (部门管理员和主管理员) is what they are, not what is asked of them.
        // So is one inside both (部门管理员和主管理员权限), unless it opens them: 先搭组织架构还是先接应用 asks the order of both.
        // A one-character word (快, 贵) names nothing: 扫脸快还是微信认证快 asks how long each takes.
        bool Names(Aspect x, string side) => x.Asks.Any(w => w.Length > 1 && side.IndexOf(w, StringComparison.Ordinal) > 0);
        var aspects = index.Knowledge.Aspects.Where(x => x.IsAskedIn(focus) && !(Names(x, left) && Names(x, right))).ToList();
        if (aspects.Count == 0)
        {
            return null;
        }

        // The words that ask an aspect (快, 先弄) are seldom the words its entry uses (各要多久, 配置顺序), so the search may
        // miss it: every entry about the aspect is weighed.
        var about = EntriesWhere(candidates, focus, aspectEntries.Value.Entries, e => IsAbout(e, aspects));
        if (about.Count == 0)
        {
            return null;
        }

        var held = BothSidesHeld(AspectFree(left, aspects), AspectFree(right, aspects), about);
        double Fit(RetrievalCandidate c) => held.GetValueOrDefault(c.Entry.Id);

        // A side's own entry may speak of the aspect and name the other side in passing (微信认证's fee, next to 对公账户验证):
        // it is still about one side, unless it compares itself (the certification types standing for 微信认证). Of the
        // rest, an entry that compares itself (各要多久, 对比) is the overview asked for.
        bool Side(RetrievalCandidate c) => (c.Entry.Id == a.Entry.Id || c.Entry.Id == b.Entry.Id) && !ComparisonDetector.Compares(c.Entry);
        // An entry whose title names the aspect (谁可以当管理员, 三种验证方式各要多久) is about it more than one that merely
        // compares the sides in general (the entity types' differences), which in turn beats one that only mentions it.
        bool Titled(RetrievalCandidate c) => aspects.Any(x => x.IsTitleOf(c.Entry));

        // The entry titled with the aspect answers it for every side, even when it is one side's own entry (谁可以当管理员
        // for 企业和个体户谁能当管理员) or its text names a side less fully, as long as it speaks of both at all; of several
        // titled ones, the one that best answers what is asked (谁能当管理员 → who may be the admin, not the admin setup step).
        bool CoversBoth(RetrievalCandidate c) => Titled(c)
            ? Fit(c) >= AspectTitledCoverage
            : !Side(c) && Fit(c) >= ComparisonOverviewCoverage;
        var answers = asked.Length == 0 ? [] : ConfidenceFor(asked, about);
        var chosen = about.Where(CoversBoth).MaxBy(c => Fit(c) + c.Confidence + answers.GetValueOrDefault(c.Entry.Id) + (ComparisonDetector.Compares(c.Entry) ? AspectOverviewPreference : 0) + (Titled(c) ? AspectOverviewPreference : 0));
        return chosen is null ? null : (chosen, Math.Max(Fit(chosen), ComparisonOverviewCoverage));
    }

    /// <summary>
    /// The entry about what a question asks of one topic (免认证要年审吗 → whether certification needs an annual review, not
    /// the free mode's page): one whose title names an aspect the question asks (knowledge/aspects.yaml) and whose text covers
    /// the rest of the question, found nearly as sure as the first entry. Null when the question asks no aspect or none fits.
    /// </summary>
    private RetrievalCandidate? AspectEntry(IReadOnlyList<RetrievalCandidate> candidates, string focus)
    {
        // An aspect each topic's own entry states (how long a verification takes) is answered there.
        var aspects = index.Knowledge.Aspects.Where(x => !x.PerTopic && x.IsAskedIn(focus)).ToList();
        if (aspects.Count == 0 || candidates.Count == 0)
        {
            return null;
        }

        var topic = AspectFree(focus, aspects);
        var titled = candidates.Take(SuggestionCount + 2)
            .Where(c => aspects.Any(x => x.IsTitleOf(c.Entry)))
            .Where(c => c.Confidence >= candidates[0].Confidence - AspectEntrySlack)
            .ToList();
        if (titled.Count == 0)
        {
            return null;
        }

        var covered = FullCoverage(topic, titled);
        return titled.Where(c => covered.GetValueOrDefault(c.Entry.Id) >= ComparisonOverviewCoverage).MaxBy(c => c.Confidence);
    }

    /// <summary>
    /// The entry about the registering body a question names that the first entry, an overview for every body, points to
    /// (公司注册要准备哪些材料 → the company's materials, not the materials for everyone), found nearly as sure as it. Null
    /// when the question names no body, the first entry is about one already, or none of its related entries fits.
    /// </summary>
    private RetrievalCandidate? BodysOwn(IReadOnlyList<RetrievalCandidate> candidates, PreparedQuestion prepared, string focus)
    {
        // An overview for every body points to an entry of each (the materials → the company's, the sole proprietor's, the
        // institution's); one about a single thing (the business licence) points to some bodies' entries only.
        if (candidates.Count == 0 || !EveryBodysOverviews.Contains(candidates[0].Entry.Id)
            || (prepared.English ? RegisteringBody.NamedInEnglish(prepared.Text) : BodyNamedIn(focus)) is not { } body)
        {
            return null;
        }

        // It is understood as the overview was: the overview's words found the question, the body only narrows it down.
        var first = candidates[0];
        var own = candidates.Skip(1).Take(SuggestionCount + 2)
            .FirstOrDefault(c => first.Entry.Related.Contains(c.Entry.Id) && bodyOf.Value.GetValueOrDefault(c.Entry.Id) == body
                && c.Confidence >= first.Confidence - BodysOwnSlack);
        return own is null ? null : first with { Entry = own.Entry };
    }

    // Words that end a side's topic before what is asked of it (对公打款比, 对公账户验证在年审上).
    private static readonly string[] TopicEnds = ["比", "在", "上"];

    /// <summary>
    /// A side without the aspect asked of it (对公账户验证费用上 → 对公账户验证): the aspect is asked of both sides, it names
    /// neither, and an overview must cover each side's topic, not the asked words twice. The topic keeps two characters.
    /// </summary>
    private static string AspectFree(string side, IReadOnlyList<Aspect> aspects)
    {
        // The aspect may open the side (先搭组织架构 → 组织架构).
        if (aspects.SelectMany(x => x.Asks).Where(w => side.StartsWith(w, StringComparison.Ordinal) && side.Length - w.Length >= 2).MaxBy(w => w.Length) is { } opening)
        {
            side = side[opening.Length..];
        }

        var cut = side.Length;
        foreach (var word in aspects.SelectMany(x => x.Asks).Concat(TopicEnds))
        {
            var at = side.Length > 2 ? side.IndexOf(word, 2, StringComparison.Ordinal) : -1;
            if (at > 0 && at < cut)
            {
                cut = at;
            }
        }

        return side[..cut];
    }

    private sealed record ComparisonSide(RetrievalCandidate Candidate, double Fit, double Margin, double Confidence);

    /// <summary>How well a comparison was understood: how much of the weaker side's topic its entry holds, and how far that side's entry leads the next one.</summary>
    private readonly record struct ComparisonFit(double Fit, double Margin, bool Aspect = false, bool Hub = false, bool Sides = false)
    {
        /// <summary>The question compares two topics, but the answer is one entry that is neither an overview of both nor about the aspect asked.</summary>
        public bool OneSide { get; init; }

        public static ComparisonFit None => default;

        public bool Found => Fit > 0 || Margin > 0;
    }

    // What asks which of two things (哪个快, 谁多) in a clause of its own after them.
    private static readonly string[] WhichOfThem = ["哪个", "哪种", "哪一个", "谁"];

    /// <summary>
    /// A second topic asked after a statement about the first, without a joining word (个体户50人，公司呢; 会话存档在管理后台，
    /// 域名备案呢): the short last clause that ends in 呢 is the right side, the clause before it the left. Two statements
    /// followed by a short clause asking which of them (微信认证1到3天，对公打款1到2天，哪个快) are the two sides as well. It
    /// counts as a comparison only when both sides find entries of their own.
    /// </summary>
    private static (string Left, string Right)? Elliptical(string focus)
    {
        // One way out after another (扫脸不行的话打款呢, 对公打款搞不定的话还能走微信认证吗, 没法做微信认证，换对公打款可以吗):
        // the two ways are the sides. What to do when one fails (对公打款不通过的话要找谁) names no second way.
        if ((FallbackAfter().Match(focus) is { Success: true } after ? after : FallbackInstead().Match(focus)) is { Success: true } way)
        {
            return (way.Groups[1].Value, way.Groups[2].Value);
        }

        // Two statements, then which of them (微信认证1到3天，对公打款1到2天，到底哪个快): the statements are the sides. A story's
        // focus keeps a clause's topic words apart with spaces, so only commas part the statements here.
        var statements = focus.Split(['，', ',', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statements.Length >= 3 && statements[^1].Length <= 10 && WhichOfThem.Any(w => statements[^1].Contains(w, StringComparison.Ordinal))
            && statements[^3].Length >= 2 && statements[^2].Length >= 2)
        {
            return (statements[^3], statements[^2] + statements[^1]);
        }

        var clauses = focus.Split(['，', ',', ' ', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length < 2)
        {
            return null;
        }

        var right = clauses[^1].TrimEnd('？', '?');
        var left = clauses[^2];
        return right.EndsWith('呢') && right.Length is >= 3 and <= 10 && left.Length >= 4 ? (left, right) : null;
    }

    /// <summary>
    /// How a follow-up was answered: whether the answer moved off the previous answer's entry, the share of the message alone
    /// that entry holds, and whether the previous answer holds the reply: a message saying the fix did not work (还是不行)
    /// gets the same entry again, the message names a topic the same entry's bulleted list gives (<see cref="ListsTopicOf"/>),
    /// or the answer moved to an entry the previous one points to and the message names (<see cref="PointsToTopicOf"/>).
    /// </summary>
    private readonly record struct FollowUpReading(bool Moved, double OwnCoverage, bool Continues);

    /// <summary>
    /// True when <paramref name="entry"/>'s answer is a list by topic with an item for the topic <paramref name="message"/>
    /// names, and holds every topic it names: 个体户呢 after the answer that lists what each kind of organisation may use
    /// (- 个体工商户：基础沟通 + 客户联系). The previous answer holds the reply, so staying on it is right. An answer that
    /// mentions the topic in passing (公司呢 after the sole proprietor's materials, 和公司不同的地方) or lists it as a numbered
    /// step, which has an entry of its own (安全设置具体包括啥 or 考勤呢 after the setup order), does not. False when the
    /// message names no topic.
    /// </summary>
    private bool ListsTopicOf(string message, KnowledgeEntry entry)
    {
        var named = index.Analyzer.Terms(KnowledgeIndex.TitleField, message)
            .Where(w => w.Length >= 2 && index.IsNamingWord(w))
            .ToHashSet(StringComparer.Ordinal);
        if (named.Count == 0 || index.ProfileOf(entry.Id) is not { } profile
            || !named.All(w => profile.KeyWords.Contains(index.TermId(w)) || profile.AnswerWords.Contains(index.TermId(w))))
        {
            return false;
        }

        return TopicItem().Matches(entry.Answer).Any(m => index.Analyzer.Terms(KnowledgeIndex.TitleField, m.Groups[1].Value).Any(named.Contains));
    }

    /// <summary>
    /// True when the previous answer points to <paramref name="top"/> (its related entries) and the message names that
    /// entry's own topic: 那想收款呢 after the free mode's limits, which point to how to collect payments.
    /// </summary>
    private bool PointsToTopicOf(string message, string? previousEntryId, RetrievalCandidate top) =>
        previousEntryId is not null && top.Entry.Id != previousEntryId
        && index.Knowledge.Find(previousEntryId) is { } previous && previous.Related.Contains(top.Entry.Id)
        && KeyCoverage(message, [top]).GetValueOrDefault(top.Entry.Id) >= FollowUpOwnTopic;

    // The head of a bulleted item that names its topic: "- 个体工商户：…" (a numbered one, "2. 应用接入：…", is a step).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*[-•*]\s*([^：:\n]{1,12})[：:]")]
    private static partial System.Text.RegularExpressions.Regex TopicItem();

    /// <summary>The best confidence any single asking clause of a story reaches for the first entry: the question inside, weighed alone.</summary>
    private double ClauseConfidence(string focus, RetrievalCandidate top)
    {
        var best = 0.0;
        foreach (var clause in QuestionFocus.Split(focus).Where(QuestionFocus.Asks))
        {
            best = Math.Max(best, ConfidenceFor(clause, [top]).GetValueOrDefault(top.Entry.Id));
        }

        return best;
    }

    /// <summary>The confidence of <paramref name="text"/> for each of <paramref name="candidates"/>' entries, without a search.</summary>
    private Dictionary<string, double> ConfidenceFor(string text, IReadOnlyList<RetrievalCandidate> candidates) =>
        ScoreEach(text, candidates, (terms, profile) =>
            Confidence(terms.WordIds, terms.WordWeights, terms.GramIds, terms.GramWeights, profile).Confidence);

    /// <summary>
    /// The share of <paramref name="text"/>'s topical weight that each candidate's title, questions and tags hold (no credit
    /// for its answer): whether an entry is about the text, not merely mentions it.
    /// </summary>
    private Dictionary<string, double> KeyCoverage(string text, IReadOnlyList<RetrievalCandidate> candidates) =>
        ScoreEach(text, candidates, (terms, profile) => Blend(
            Coverage(terms.WordIds, terms.WordWeights, profile.KeyWords, []),
            Coverage(terms.GramIds, terms.GramWeights, profile.KeyGrams, []),
            terms.GramIds.Length));

    /// <summary>The share of <paramref name="text"/>'s topical weight that each candidate's entry holds anywhere, its answer included.</summary>
    private Dictionary<string, double> FullCoverage(string text, IReadOnlyList<RetrievalCandidate> candidates) =>
        ScoreEach(text, candidates, (terms, profile) => Blend(
            Coverage(terms.WordIds, terms.WordWeights, profile.KeyWords, profile.AnswerWords, answerCredit: 1),
            Coverage(terms.GramIds, terms.GramWeights, profile.KeyGrams, profile.AnswerGrams, answerCredit: 1),
            terms.GramIds.Length));

    /// <summary><paramref name="score"/> of the text's weighted terms against each candidate's profile (empty when the text has no word).</summary>
    private Dictionary<string, double> ScoreEach(string text, IReadOnlyList<RetrievalCandidate> candidates, Func<WeightedTerms, EntryProfile, double> score)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms).ToList();
        if (words.Count == 0)
        {
            return scores;
        }

        var grams = index.Analyzer.Terms(KnowledgeAnalyzer.GramsField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms * 2).ToList();
        var wordIds = words.Select(index.TermId).ToArray();
        var gramIds = grams.Select(index.TermId).ToArray();
        var terms = new WeightedTerms(wordIds, wordIds.Select(index.QueryWordWeight).ToArray(), gramIds, gramIds.Select(index.GramWeight).ToArray());
        foreach (var candidate in candidates)
        {
            if (index.ProfileOf(candidate.Entry.Id) is { } profile)
            {
                scores[candidate.Entry.Id] = score(terms, profile);
            }
        }

        return scores;
    }

    private sealed record WeightedTerms(int[] WordIds, double[] WordWeights, int[] GramIds, double[] GramWeights);

    private DecisionFeatures Features(string focus, RetrievalResult result, double confidence, double clauseConfidence, PreparedQuestion prepared, FollowUpReading reading, bool followUp, ComparisonFit comparison, IReadOnlyList<KnowledgeEntry> shown)
    {
        var top = result.Top;
        if (top is null)
        {
            return DecisionFeatures.None;
        }

        // The words that tell what the question is about: not spoken filler (玩意儿, 到底), and not a lone character the
        // knowledge base never uses, which is what SmartCn leaves of a word it does not know (白嫖 → 白/嫖, 压根 → 压/根):
        // slang, not a topic from elsewhere.
        var terms = index.Analyzer.Terms(KnowledgeIndex.TitleField, focus);
        var words = terms.Distinct(StringComparer.Ordinal).Where(w => !QuestionFocus.IsSpoken(w) && !(w.Length == 1 && Pinyin.IsHan(w[0]) && !index.IsKnownWord(w))).ToList();
        var grams = index.Analyzer.Terms(KnowledgeAnalyzer.GramsField, focus).Distinct(StringComparer.Ordinal).ToList();
        var knownWords = words.Count(index.IsKnownWord);
        var knownGrams = grams.Count(index.IsKnownGram);
        var unknown = words.Where(w => !index.IsKnownWord(w)).Sum(w => index.WordWeight(-1));
        var second = result.Candidates.Count > 1 ? result.Candidates[1] : null;

        // The margin is over the best entry the answer does not show: two sides shown together do not compete.
        var runnerUp = result.Candidates.FirstOrDefault(c => !shown.Any(e => e.Id == c.Entry.Id));
        var asks = QuestionFocus.Asks(prepared.Text) || prepared.Text.Contains('?') || prepared.Text.Contains('？');

        // Whether the question is about registering WeCom does not depend on which entry answers it: the surest candidate
        // stands for the knowledge base (an overview that answers a comparison, found by the question's confidence alone,
        // may be less sure than a side's entry).
        var surest = result.Candidates.MaxBy(c => c.Confidence)!;
        double[] domain =
        [
            words.Count == 0 ? 0 : (double)knownWords / words.Count,
            grams.Count == 0 ? 0 : (double)knownGrams / grams.Count,
            unknown / 10,
            Math.Max(confidence, surest.Confidence),
            asks ? 1 : 0,
            Math.Log(1 + words.Count),
            prepared.English ? 1 : 0,
            words.Count == 0 ? 0 : (double)words.Count(index.IsKeyWord) / words.Count,
            Math.Max(top.Closest, surest.Closest),
            Math.Log(1 + result.Candidates.Max(c => c.LuceneScore)),
            terms.Any(QuestionFocus.IsSpoken) || (!prepared.English && QuestionFocus.SpokenIn(prepared.Text)) ? 1 : 0,
        ];
        var topScore = top.LuceneScore;
        var secondScore = second?.LuceneScore ?? 0;
        double[] entry =
        [
            confidence,
            confidence - (runnerUp?.Confidence ?? 0),
            top.Coverage,
            top.Closest,
            topScore + secondScore <= 0 ? 0 : topScore / (topScore + secondScore),
            top.NamesTopic ? 1 : 0,
            result.Candidates.All(c => c.LuceneScore <= topScore) ? 1 : 0,
            prepared.Corrections > 0 ? 1 : 0,
            followUp ? 1 : 0,
            comparison.Found ? 1 : 0,
            prepared.Story ? 1 : 0,
            prepared.English ? 1 : 0,
            clauseConfidence,
            result.Candidates.All(c => c.Confidence <= top.Confidence) ? 1 : 0,
            Math.Log(1 + topScore),
            comparison.Fit,
            comparison.Margin,
            comparison.Aspect ? 1 : 0,
            comparison.Hub ? 1 : 0,
            comparison.Sides ? 1 : 0,
            comparison.OneSide ? 1 : 0,
            reading.Moved ? 1 : 0,
            reading.OwnCoverage,
            reading.Continues ? 1 : 0,
        ];
        return new DecisionFeatures(domain, entry);
    }
}
