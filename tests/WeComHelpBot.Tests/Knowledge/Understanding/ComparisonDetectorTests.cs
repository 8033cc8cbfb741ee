using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

public sealed class ComparisonDetectorTests
{
    [Theory]
    [InlineData("刷脸和银行打款哪个省事", "刷脸", "银行打款哪个省事")]
    [InlineData("个体户跟公司能加的人数有啥区别", "个体户", "公司能加的人数有啥区别")]
    [InlineData("免认证还是微信认证", "免认证", "微信认证")]
    public void Split_FindsTheTwoSides(string question, string left, string right)
    {
        var sides = ComparisonDetector.Split(question);

        Assert.Equal((left, right), sides);
    }

    [Theory]
    [InlineData("手动录入和API同步怎么选", "手动录入", "API同步怎么选")]
    [InlineData("打款超时跟扫脸失败各要等多久", "打款超时", "扫脸失败各要等多久")]
    [InlineData("审计日志和会话存档有啥不一样", "审计日志", "会话存档有啥不一样")]
    [InlineData("免认证和打款验证是不是都免费", "免认证", "打款验证是不是都免费")]
    [InlineData("个体户跟公司 谁的人数上限高", "个体户", "公司 谁的人数上限高")] // 谁 asks which of the two
    [InlineData("手动添加和模板导入都会检查手机号吗", "手动添加", "模板导入都会检查手机号吗")] // 都会 asks it of both
    [InlineData("会话存档和操作日志都在后台哪里", "会话存档", "操作日志都在后台哪里")]
    [InlineData("政府单位和公司的人数上限比一比", "政府单位", "公司的人数上限比一比")] // 比一比 asks to compare
    [InlineData("个体户比公司能加的人少多少", "个体户", "公司能加的人少多少")] // 少多少 / 多多少 ask the difference
    [InlineData("我们两千来号人，模板导入还是API导入", "模板导入", "API导入")] // the clause before is the user's situation
    [InlineData("法人常年不在本地：人脸识别跟对公打款怎么选", "人脸识别", "对公打款怎么选")]
    [InlineData("API导入比模板导入好在哪", "API导入", "模板导入好在哪")] // 好在哪 asks what one has over the other
    [InlineData("手动加人跟excel导入比，一次能多加多少", "手动加人", "excel导入比，一次能多加多少")] // 跟 … 比 sets one against the other
    [InlineData("会话存档跟操作审计有关系吗", "会话存档", "操作审计有关系吗")] // how two things relate: both are asked about
    [InlineData("设备锁屏和水印是不是一起弄", "设备锁屏", "水印是不是一起弄")]
    public void Split_FindsTheSides_HoweverTheComparisonIsAsked(string question, string left, string right) =>
        Assert.Equal((left, right), ComparisonDetector.Split(question));

    [Theory]
    [InlineData("个体户最多能加几个人")]
    [InlineData("法人和管理员要是同一个人吗")] // 和 without a comparing word: one question about both roles
    [InlineData("核对了也重新扫了 还是不行")] // 还是 says the fix did not work: nothing to choose between
    [InlineData("改了手机号还是没导进去")]
    [InlineData("法人和管理员比如说能是一个人吗")] // 比如 gives an example: nothing set against anything
    public void Split_IsNullWhenNothingIsCompared(string question) => Assert.Null(ComparisonDetector.Split(question));

    [Theory]
    [InlineData("对公打款哪个快", "对公打款", "哪个快")]
    [InlineData("个体户各能加多少人", "个体户", "各能加多少人")]
    [InlineData("政府单位注册材料有什么不同", "政府单位注册材料", "有什么不同")]
    [InlineData("微信认证", "微信认证", "")]
    [InlineData("企业比，成员数谁多", "企业", "比，成员数谁多")] // 事业单位跟企业比，…
    public void Topic_SeparatesTheSideFromWhatIsAskedOfBoth(string side, string topic, string asked) =>
        Assert.Equal((topic, asked), ComparisonDetector.Topic(side));

    [Theory]
    [InlineData("公司注册材料", "个体户注册材料", "公司", "个体户", "注册材料")]
    [InlineData("法人扫脸", "法人微信认证", "扫脸", "微信认证", "法人")]
    [InlineData("免认证", "微信认证", "免认证", "微信认证", "")] // one shared character is no shared topic
    [InlineData("部门管理员", "主管理员", "部门管理员", "主管理员", "")] // 管理员 is what both are: no side keeps two characters without it
    public void Distinct_MovesSharedWordsToTheQuestion(string left, string right, string distinctLeft, string distinctRight, string shared) =>
        Assert.Equal((distinctLeft, distinctRight, shared), ComparisonDetector.Distinct(left, right));

    [Theory]
    [InlineData("部门管理员", "管理员", true)] // a kind of admin
    [InlineData("认证", "免认证", true)]
    [InlineData("对公打款验证", "对公打款", false)] // the thing and a word more: one thing
    [InlineData("对公打款", "对公打款", false)]
    [InlineData("公司", "个体户", false)]
    public void IsKindOf_IsTrueWhenOneSideEndsWithTheOther(string left, string right, bool kind) =>
        Assert.Equal(kind, ComparisonDetector.IsKindOf(left, right));
}
