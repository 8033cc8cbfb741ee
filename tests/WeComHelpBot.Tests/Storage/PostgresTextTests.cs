using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Tests.Storage;

public sealed class PostgresTextTests
{
    [Theory]
    [InlineData("营业执照", "营业执照")]
    [InlineData("表情😀也行", "表情😀也行")]
    [InlineData("前\0后", "前后")]
    public void Clean_DropsNuls_AndKeepsEverythingElse(string text, string expected) =>
        Assert.Equal(expected, PostgresText.Clean(text));

    // Not theory data: xUnit passes theory strings through UTF-8, which would mend the surrogates before the test sees them.
    [Fact]
    public void Clean_ReplacesUnpairedSurrogates()
    {
        Assert.Equal("孤\uFFFD零", PostgresText.Clean("孤\uD800零"));
        Assert.Equal("反\uFFFD了", PostgresText.Clean("反\uDC00了"));
        Assert.Equal("末尾\uFFFD", PostgresText.Clean("末尾\uD83D"));
        Assert.Equal("\uFFFD\uD83D\uDE00", PostgresText.Clean("\uDE00\uD83D\uDE00"));
    }

    [Fact]
    public void Clean_ReturnsCleanTextItself()
    {
        const string text = "没问题的文字";
        Assert.Same(text, PostgresText.Clean(text));
        Assert.Null(PostgresText.Clean(null));
    }
}
