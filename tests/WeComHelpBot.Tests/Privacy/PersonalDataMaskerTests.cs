using WeComHelpBot.Knowledge;
using WeComHelpBot.Privacy;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Tests.Privacy;

public sealed class PersonalDataMaskerTests
{
    private readonly PersonalDataMasker masker = new();

    [Theory]
    [InlineData("我手机13812345678，麻烦回电", "我手机138****5678，麻烦回电")]
    [InlineData("电话 138 1234 5678", "电话 138****5678")]
    [InlineData("电话138-1234-5678谢谢", "电话138****5678谢谢")]
    [InlineData("+86 13812345678", "+86 138****5678")]
    [InlineData("+86-138-1234-5678", "+86 138****5678")]
    [InlineData("8613812345678", "+86 138****5678")]
    [InlineData("手机号：１３８１２３４５６７８", "手机号：138****5678")]
    public void MobileNumbers_AreMaskedInEveryCommonFormat(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("法人身份证110105194912310029怎么填", "法人身份证110************029怎么填")]
    [InlineData("身份证号11010519491231002X", "身份证号110************02X")]
    [InlineData("身份证号11010519491231002x。", "身份证号110************02X。")]
    [InlineData("老身份证110105491231002", "老身份证110*********002")]
    [InlineData("身份证 110105 19491231 0029", "身份证 110************029")]
    public void ResidentIdNumbers_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("对公账号6222020200001234567到账了吗", "对公账号6222***********4567到账了吗")]
    [InlineData("卡号 6222 0202 0000 1234", "卡号 6222********1234")]
    [InlineData("账户 1234-5678-9012", "账户 1234****9012")]
    public void BankAccountNumbers_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Fact]
    public void CreditCode_IsMasked()
    {
        Assert.Equal("信用代码9135************43对不上", masker.Mask("信用代码91350100M000100Y43对不上"));
    }

    [Theory]
    [InlineData("91350100M0O0100Y43", "9135************43")]
    [InlineData("代码是91350100M000100Y4对吗", "代码是9135***********Y4对吗")]
    [InlineData("91350100I000100Y433", "9135*************33")]
    [InlineData("身份证1101051949O2310029", "身份证1101************29")]
    public void MistypedCodes_AreMaskedToo(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("打款已经3天了，交了300元")]
    [InlineData("最多200个成员，个体户50个")]
    [InlineData("2025-05-18 注册的")]
    [InlineData("工单号 T20261125-0001")]
    [InlineData("验证码 123456")]
    [InlineData("")]
    public void OrdinaryNumbers_AreLeftAlone(string input)
    {
        Assert.Equal(input, masker.Mask(input));
    }

    [Theory]
    [InlineData("手机 138 0013 8000", "手机 138****8000")]
    [InlineData("手机 138-0013-8000", "手机 138****8000")]
    [InlineData("手机138–0013–8000", "手机138****8000")]
    [InlineData("手机 138  0013  8000", "手机 138****8000")]
    [InlineData("手机 138\u30000013\u30008000", "手机 138****8000")]
    [InlineData("手机 +86 138 0013 8000", "手机 +86 138****8000")]
    [InlineData("手机 +86-138-0013-8000", "手机 +86 138****8000")]
    [InlineData("手机 ＋86 13800138000", "手机 +86 138****8000")]
    [InlineData("手机 0086 138 0013 8000", "手机 +86 138****8000")]
    public void GroupedMobileNumbers_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("{0} {1} {2}")]
    [InlineData("{0}-{1}-{2}")]
    [InlineData("{0}  {1}  {2}")]
    [InlineData("{0}\u3000{1}\u3000{2}")]
    public void GroupedResidentIdNumbers_AreMasked(string grouping)
    {
        foreach (var id in new[] { ValidId("44030119900101123"), ValidId("11010519491231002") })
        {
            Assert.True(ResidentIdNumber.Check(id, new DateOnly(2026, 11, 25)).IsValid, id);
            var typed = string.Format(grouping, id[..6], id[6..14], id[14..]);

            var masked = masker.Mask($"法人身份证 {typed} 对吗");

            Assert.Equal($"法人身份证 {id[..3]}************{id[^3..]} 对吗", masked);
        }
    }

    [Theory]
    [InlineData("6222 0212 3456 7890 123", "6222***********0123")]
    [InlineData("6222  0212  3456  7890  123", "6222***********0123")]
    [InlineData("6222\u30000212\u30003456\u30007890\u3000123", "6222***********0123")]
    [InlineData("6222-0212-3456-7890-123", "6222***********0123")]
    [InlineData("4405 0148 0400 0000 0123", "4405************0123")]
    [InlineData("44050148040000000123", "4405************0123")]
    [InlineData("3100 1234 5678 0500 0123 4", "3100*************1234")]
    public void GroupedBankAccounts_AreMasked_CorporateAccountsUpTo25DigitsToo(string typed, string expected)
    {
        Assert.Equal($"对公账号：{expected}，打款没到", masker.Mask($"对公账号：{typed}，打款没到"));
    }

    [Theory]
    [InlineData("{0} {1} {2} {3} {4}")]
    [InlineData("{0}-{1}-{2}-{3}-{4}")]
    [InlineData("{0}  {1}  {2}  {3}  {4}")]
    [InlineData("{0}\u3000{1}\u3000{2}\u3000{3}\u3000{4}")]
    [InlineData("{0}{1} {2}{3}{4}")]
    public void GroupedCreditCodes_AreMasked(string grouping)
    {
        foreach (var code in new[] { ValidCode("91440300MA5FT8Q7K"), ValidCode("92350100MA2Y4K7P9"), ValidCode("91110108551385082") })
        {
            Assert.True(UnifiedSocialCreditCode.Check(code).IsValid, code);
            var typed = string.Format(grouping, code[..4], code[4..8], code[8..12], code[12..16], code[16..]);

            Assert.Equal($"代码是{code[..4]}************{code[^2..]}对吗", masker.Mask($"代码是{typed}对吗"));
            Assert.Equal($"code {code[..4]}************{code[^2..]}。", masker.Mask($"code {typed}。"));
        }
    }

    [Theory]
    [InlineData("9144 0300 ma5f t8q7 kl", "9144************kl")]
    [InlineData("91 440300 MA5FT8Q7K L", "9144************KL")]
    [InlineData("９１４４ ０３００ ＭＡ５Ｆ Ｔ８Ｑ７ ＫＬ", "9144************KL")]
    [InlineData("9135 0100 M0O0 100Y 43", "9135************43")]
    public void GroupedCreditCodes_InLowerCaseFullWidthOrMistyped_AreMasked(string typed, string expected)
    {
        Assert.Equal($"信用代码 {expected}", masker.Mask($"信用代码 {typed}"));
    }

    [Fact]
    public void GroupedNumbersInOneMessage_AreAllMasked()
    {
        var masked = masker.Mask("手机 +86 138-0013-8000，法人 110105 19491231 002X，代码 9144 0300 MA5F T8Q7 KL");

        Assert.Equal("手机 +86 138****8000，法人 110************02X，代码 9144************KL", masked);
    }

    [Theory]
    [InlineData("客服 400-800-8888")]
    [InlineData("一般 1-2 个工作日到账，2025-05-18 - 2025-05-20 之间")]
    [InlineData("第 1 2 3 4 5 6 7 步")]
    [InlineData("工单号 T20261125-0001 已关闭")]
    [InlineData("Windows 10 22H2 和 iOS 17 都能用")]
    [InlineData("最多 2000 人，超过 200 人要认证")]
    public void OrdinaryNumbersWithSpacesOrDashes_AreLeftAlone(string input)
    {
        Assert.Equal(input, masker.Mask(input));
    }

    [Theory]
    [InlineData("邮箱 zhangsan.li@example.com.cn 收不到验证码", "邮箱 z***@example.com.cn 收不到验证码")]
    [InlineData("发到13912345678@163.com吧", "发到1***@163.com吧")]
    [InlineData("QQ邮箱123456789@qq.com", "QQ邮箱1***@qq.com")]
    [InlineData("admin＠corp-mail.cn。", "a***＠corp-mail.cn。")]
    [InlineData("Mail: Li_Wei+wecom@sub.company.com, thanks", "Mail: L***@sub.company.com, thanks")]
    public void EmailAddresses_AreMasked_KeepingTheDomain(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("手机139.1234.5678", "手机139****5678")]
    [InlineData("手机 139/1234/5678", "手机 139****5678")]
    [InlineData("手机139_1234_5678", "手机139****5678")]
    [InlineData("手机139，1234，5678", "手机139****5678")]
    [InlineData("手机 139   1234   5678", "手机 139****5678")]
    [InlineData("手机 139．1234．5678", "手机 139****5678")]
    [InlineData("身份证 110105.19491231.0029", "身份证 110************029")]
    [InlineData("身份证 110105/19491231/002X", "身份证 110************02X")]
    [InlineData("卡号 6222.0202.0000.1234.567", "卡号 6222***********4567")]
    [InlineData("卡号 6222/0202/0000/1234", "卡号 6222********1234")]
    [InlineData("卡号 6222_0202_0000_1234", "卡号 6222********1234")]
    [InlineData("卡号 6222    0202    0000    1234", "卡号 6222********1234")]
    [InlineData("卡号 6222-0202.0000 1234", "卡号 6222********1234")]
    public void NumbersSplitByDotsSlashesUnderscoresCommasOrManySpaces_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("微信号 wx_13912345678", "微信号 wx_139****5678")]
    [InlineData("tel13812345678", "tel138****5678")]
    [InlineData("卡号No6217000010001234567", "卡号No6217***********4567")]
    [InlineData("No.6217000010001234567", "No.6217***********4567")]
    [InlineData("13912345678wx同号", "139****5678wx同号")]
    [InlineData("ID:110105194912310029", "ID:110************029")]
    [InlineData("phone:139-1234-5678", "phone:139****5678")]
    public void NumbersGluedToLetters_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("我手机一三九一二三四五六七八", "我手机139****5678")]
    [InlineData("幺三八 幺二三四 五六七八", "138****5678")]
    [InlineData("电话139一二三四5678", "电话139****5678")]
    [InlineData("手机号１３９一二三四五六七八", "手机号139****5678")]
    [InlineData("一三九〇〇一三八〇〇〇", "139****8000")]
    [InlineData("139-1234-567八", "139****5678")]
    [InlineData("一三九零零一三八零零零", "139****8000")]
    [InlineData("身份证一一〇一〇五一九四九一二三一〇〇二九", "身份证110************029")]
    public void NumbersInChineseNumerals_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("护照号E12345678", "护照号E******78")]
    [InlineData("passport g12345678 过期了", "passport G******78 过期了")]
    [InlineData("护照 EA1234567", "护照 E******67")]
    [InlineData("我的是E12345678", "我的是E******78")]
    [InlineData("美国护照号码：123456789", "美国护照号码：1******89")]
    [InlineData("Passport No. TK1234567", "Passport No. T******67")]
    [InlineData("德国护照是C01X00T47", "德国护照是C******47")]
    [InlineData("港澳通行证 C12345678", "港澳通行证 C******78")]
    [InlineData("法人护照 passport No. TK1234567 可以吗", "法人护照 passport No. T******67 可以吗")]
    public void PassportNumbers_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("2026-12-06 注册的，2026.12.06 也试过")]
    [InlineData("2026/12/06-2026/12/20 之间打的款")]
    [InlineData("2026.12.06，2026.12.07，2026.12.08 三天都试了")]
    [InlineData("2024，2025，2026 年都交过")]
    [InlineData("交了300元，又交了1，000元")]
    [InlineData("10:30 到 11:45 之间")]
    [InlineData("10.30 打的电话，3.5 个小时")]
    [InlineData("最多200个成员，个体户50个，第3、5、7行不对")]
    [InlineData("版本 4.6.30.6000，Windows 10.0.19045.2965")]
    [InlineData("服务器 192.168.100.200 连不上")]
    [InlineData("工单 T20261125-0001、T20261125-0002")]
    [InlineData("第一步、第二步，一二三四五六七八九十")]
    [InlineData("一五一十地说，三三两两，七上八下")]
    [InlineData("二〇二六年十二月六日")]
    [InlineData("护照 过期了，passport photo 要白底")]
    [InlineData("护照有效期2027-05-01")]
    [InlineData("坐G1234次高铁，E3 错误")]
    [InlineData("用 @张三 提醒一下，邮箱@不对")]
    [InlineData("Windows 10 22H2，iPhone15 都可以")]
    [InlineData("验证码 123456，3 天内有效")]
    public void DatesAmountsTimesCountsAndWords_StayReadable(string input)
    {
        Assert.Equal(input, masker.Mask(input));
    }

    [Fact]
    public void EveryKnowledgeAnswer_IsLeftAsItIs()
    {
        var knowledge = KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge);
        Assert.NotEmpty(knowledge.Entries);

        Assert.All(knowledge.Entries, entry => Assert.Equal(entry.Answer, masker.Mask(entry.Answer)));
    }

    [Fact]
    public void Null_StaysNull()
    {
        Assert.Null(masker.Mask(null));
    }

    [Fact]
    public void SeveralNumbersInOneMessage_AreAllMasked()
    {
        var masked = masker.Mask("手机13812345678 身份证110105194912310029 账号6222020200001234567");

        Assert.Equal("手机138****5678 身份证110************029 账号6222***********4567", masked);
    }

    [Fact]
    public void MaskPhone_KeepsThreeAndFour()
    {
        Assert.Equal("139****0000", masker.MaskPhone("+86 139-1234-0000"[4..]));
    }

    private static string ValidCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    private static string ValidId(string first17) => first17 + ResidentIdNumber.CheckDigit(first17);
}
