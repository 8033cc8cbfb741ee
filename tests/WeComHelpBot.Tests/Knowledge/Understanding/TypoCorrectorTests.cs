using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

public sealed class TypoCorrectorTests
{
    // The knowledge base's words and the character pairs its texts write.
    private static readonly string[] Terms = ["认证", "对公", "打款", "营业执照", "营业", "企业微信", "会话存档", "负责人", "核对"];
    private static readonly HashSet<string> Known = [.. Terms, "认证", "要几", "几天", "对公", "公打", "打款", "营业", "业执", "执照", "企业", "业微", "微信", "会话", "话存", "存档", "负责", "责人"];

    private static readonly TypoCorrector Corrector = new(Terms, Known.Contains, piece => piece is "负责人" or "几天" or "没有");

    [Theory]
    [InlineData("认怔要几天", "认证要几天")]
    [InlineData("队公打款多久到账", "对公打款多久到账")]
    [InlineData("没有营页执照可以注册吗", "没有营业执照可以注册吗")]
    [InlineData("会话存挡在哪开", "会话存档在哪开")]
    [InlineData("营业执找丢了", "营业执照丢了")]
    public void Correct_FixesASlipOnADomainTerm(string typed, string meant)
    {
        var (text, corrections) = Corrector.Correct(typed);

        Assert.Equal(meant, text);
        Assert.Equal(1, corrections);
    }

    [Fact]
    public void Correct_ReadsPinyinInitials() => Assert.Equal("企业微信怎么注册", Corrector.Correct("qywx怎么注册").Text);

    [Theory]
    [InlineData("renzheng要几天", "认证要几天")]
    [InlineData("HuiHuaCunDang在哪开", "会话存档在哪开")]
    public void Correct_ReadsATermsWholePinyin(string typed, string meant) => Assert.Equal(meant, Corrector.Correct(typed).Text);

    [Fact]
    public void Correct_HearsFrontAndBackNasalsAlike_ButNothingElseFuzzy()
    {
        // A fuzzy-pinyin IME lets people type ying for yin (水映 → 水印); zh for z is not read that way, or 捐赠人 (juan zeng
        // ren) would sound like 真人 (zhen ren).
        var corrector = new TypoCorrector(["水印", "真人"], piece => piece is "水印" or "真人", _ => false);

        Assert.Equal("水印在哪开", corrector.Correct("水映在哪开").Text);
        Assert.Equal("联系捐赠人", corrector.Correct("联系捐赠人").Text);
    }

    [Theory]
    [InlineData("dakuan")] // 打款: six letters
    [InlineData("duigong")] // 对公
    public void Correct_ReadsAWholeTermsPinyinOfFiveLettersOrMore(string typed) => Assert.Equal(1, Corrector.Correct(typed).Corrections);

    [Theory]
    [InlineData("The license expired")] // English words that are no term's pinyin
    [InlineData("ren zheng")] // syllables apart are not read: only a run of letters is
    public void Correct_LeavesOtherLatinWordsAlone(string text) => Assert.Equal(text, Corrector.Correct(text).Text);

    [Theory]
    [InlineData("企业微信认证要几天")]
    [InlineData("部门负责人没有微信")]
    [InlineData("How long does it take")]
    [InlineData("扫脸和对公打款哪个省事")] // 和对 sounds like 核对, but 和 joins the two sides
    [InlineData("刷脸跟对公打款哪个省事")]
    public void Correct_LeavesRightTextAlone(string text)
    {
        var (corrected, corrections) = Corrector.Correct(text);

        Assert.Equal(text, corrected);
        Assert.Equal(0, corrections);
    }

    [Fact]
    public void ASpellingOfATerm_IsCorrectedBySound_AndNeverByOneCharacterOff()
    {
        // 个体户 and 子管理员 are synonyms.yaml's other spellings (of 个体工商户, 部门管理员); 个 is a measure word.
        var corrector = new TypoCorrector(["个体工商户", "部门管理员"], piece => piece is "个体" or "体户" or "管理" or "理员", _ => false, ["个体户", "子管理员"]);

        Assert.Equal("个体户能加几个人", corrector.Correct("个题户能加几个人").Text);
        Assert.Equal("谁可以做管理员", corrector.Correct("谁可以做管理员").Text);
    }
}
