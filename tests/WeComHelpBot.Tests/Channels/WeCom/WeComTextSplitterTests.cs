using System.Text;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Tests.Channels.WeCom;

public sealed class WeComTextSplitterTests
{
    [Fact]
    public void Split_KeepsShortTextWhole()
    {
        Assert.Equal(["对公打款一般 1–3 个工作日到账。"], WeComTextSplitter.Split("对公打款一般 1–3 个工作日到账。"));
    }

    [Fact]
    public void Split_ReturnsNothingForBlankText()
    {
        Assert.Empty(WeComTextSplitter.Split("  \n "));
    }

    [Fact]
    public void Split_KeepsEveryPieceWithin2048Bytes_AndLosesNoCharacter()
    {
        var text = string.Concat(Enumerable.Range(1, 400).Select(i => $"第{i}步：核对营业执照信息。\n"));

        var pieces = WeComTextSplitter.Split(text);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, WeComTextSplitter.MaxContentBytes));
        Assert.Equal(Strip(text), Strip(string.Concat(pieces)));
    }

    [Fact]
    public void Split_PrefersLineBreaks()
    {
        var line = new string('字', 300) + "\n";
        var pieces = WeComTextSplitter.Split(line + line + line);

        Assert.Equal(2, pieces.Count);
        Assert.All(pieces.SelectMany(p => p.Split('\n')), l => Assert.Equal(300, l.Length));
    }

    [Fact]
    public void Split_NeverCutsASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1000));

        var pieces = WeComTextSplitter.Split(text, maxBytes: 4 * 7 + 2);

        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(pieces));
    }

    private static string Strip(string s) => s.Replace("\n", string.Empty, StringComparison.Ordinal);
}
