using System.Text;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Validation;

/// <summary>The codes typed into the troubleshooting flow are checked, never stored: not in state, not raw in transcripts.</summary>
public sealed class CodeCheckPrivacyTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("91350100M0O0100Y43", "91350100M000100Y43", "320102199002304512", "11010519491231002X")]
    [InlineData("9135 0100 M0O0 100Y 43", "9135-0100-M000-100Y-43", "320102 19900230 4512", "110105\u300019491231\u3000002X")]
    public async Task CodesTypedInTheFlow_CannotBeFoundInTheDatabaseFile(string mistypedCode, string validCode, string impossibleBirthDateId, string validId)
    {
        var paths = new BotPaths { DataDirectory = folder.Path };
        var services = new ServiceCollection();
        services.AddWeComHelpBot(paths);
        var replies = new List<string>();
        await using (var provider = services.BuildServiceProvider())
        {
            var adapter = new TestAdapter(TestAdapter.CreateConversation("code-privacy")) { Locale = "zh-CN" };
            foreach (var middleware in provider.GetServices<IMiddleware>())
            {
                adapter.Use(middleware);
            }

            var bot = provider.GetRequiredService<IBot>();
            foreach (var text in new[] { "法人信息校验失败帮我看看", "1", "一样", mistypedCode, validCode, "要", impossibleBirthDateId, validId, "是" })
            {
                await adapter.SendTextToBotAsync(text, bot.OnTurnAsync, CancellationToken.None);
                while (adapter.GetNextReply() is IMessageActivity reply)
                {
                    replies.Add(reply.Text ?? string.Empty);
                }
            }

            var stored = await provider.GetRequiredService<TranscriptStore>().GetConversationAsync(adapter.Conversation.Conversation.Id);
            Assert.Contains(stored, e => e.Direction == TranscriptDirection.Incoming && e.Text == "9135************43");
        }

        // The conversation went where the test says: every code was checked.
        var all = string.Join("\n", replies);
        Assert.Contains("第 11 位“O”", all);
        Assert.Contains("表示企业", all);
        Assert.Contains("“19900230”不是一个存在的日期", all);
        Assert.Contains("位数、出生日期和校验位都没问题", all);

        var bytes = await File.ReadAllBytesAsync(paths.DatabaseFile);
        var typed = new[] { mistypedCode, validCode, impossibleBirthDateId, validId };
        foreach (var raw in typed.Concat(typed.Select(Compact)))
        {
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
            {
                Assert.False(bytes.AsSpan().IndexOf(encoding.GetBytes(raw)) >= 0, $"{raw} ({encoding.WebName}) found in the database file");
            }
        }

        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("9135************43")) >= 0, "the masked code should be in the transcript");
    }

    private static string Compact(string typed) => string.Concat(typed.Where(char.IsAsciiLetterOrDigit));
}
