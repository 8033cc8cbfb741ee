using WeComHelpBot.Analytics.Gaps;

namespace WeComHelpBot.Tests.Analytics.Gaps;

public sealed class QuestionListEditorTests
{
    private const string File = """
        # 认证相关（第 5 节）

        entries:
          - id: first
            title: 第一条
            questions:
              - 问题一
              -   问题二   # 缩进和注释都要保留
            # 这一行注释属于 first 的 answer 之前
            answer: |
              回答一。

          - id: second
            title: 第二条
            questions: [问题甲, "问题乙"]
            answer: 回答二。
        """;

    [Fact]
    public void BlockList_NewItemGoesAfterTheLastItem_WithItsIndentation_AndNothingElseChanges()
    {
        var edited = QuestionListEditor.AddQuestion(File, "first", "认证费能开发票吗");

        var expected = File.Replace("  -   问题二   # 缩进和注释都要保留\n", "  -   问题二   # 缩进和注释都要保留\n      -   认证费能开发票吗\n");
        Assert.Equal(expected, edited);
    }

    [Fact]
    public void FlowList_NewItemGoesBeforeTheClosingBracket()
    {
        var edited = QuestionListEditor.AddQuestion(File, "second", "问题丙");

        Assert.Equal(File.Replace("[问题甲, \"问题乙\"]", "[问题甲, \"问题乙\", 问题丙]"), edited);
    }

    [Fact]
    public void WindowsLineEndings_AreKept()
    {
        var crlf = File.Replace("\n", "\r\n");

        var edited = QuestionListEditor.AddQuestion(crlf, "first", "新问题");

        Assert.Contains("问题二   # 缩进和注释都要保留\r\n      -   新问题\r\n    # 这一行", edited);
        Assert.DoesNotContain("\r\r", edited);
        Assert.Equal(crlf.Split("\r\n").Length + 1, edited.Split("\r\n").Length);
    }

    [Fact]
    public void LastItemOnTheLastLineWithoutNewline_GetsItsOwnLine()
    {
        const string yaml = "entries:\n  - id: only\n    questions:\n      - 甲\n      - 乙";

        Assert.Equal(yaml + "\n      - 丙", QuestionListEditor.AddQuestion(yaml, "only", "丙"));
    }

    [Theory]
    [InlineData("认证费能开发票吗", "认证费能开发票吗")]
    [InlineData("费用: 多少", "\"费用: 多少\"")]
    [InlineData("#号开头", "\"#号开头\"")]
    [InlineData("- 开头是横线", "\"- 开头是横线\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("300", "\"300\"")]
    [InlineData("他说\"你好\"", "\"他说\\\"你好\\\"\"")]
    [InlineData("能不能[开票]", "\"能不能[开票]\"")]
    public void Scalars_AreQuotedOnlyWhenPlainTextWouldReadDifferently(string question, string written)
    {
        Assert.Equal(written, QuestionListEditor.FormatScalar(question));
    }

    [Fact]
    public void UnknownEntry_IsAClearError()
    {
        var ex = Assert.Throws<FormatException>(() => QuestionListEditor.AddQuestion(File, "third", "问题"));

        Assert.Contains("没有条目 third", ex.Message);
    }
}
