using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Tests.FollowUps;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Privacy;

/// <summary>
/// Each form of personal data the masker learned, typed in real turns of the whole bot (questions, a 转人工 flow and its
/// ticket), must be nowhere in the files of the data folder (transcripts, analytics, kb gaps, tickets, bot state) nor in
/// the log. The files are searched byte by byte, as UTF-8 and UTF-16.
/// </summary>
public sealed class PrivacyFormsThroughTurnsTests : IDisposable
{
    private readonly CapturingLoggerProvider logs = new();
    private readonly ConversationTestHost host;

    public PrivacyFormsThroughTurnsTests()
    {
        host = new ConversationTestHost(configure: s =>
        {
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
            s.AddSingleton<ILoggerProvider>(logs);
        });
    }

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("邮箱 zhang.wei1988@example.com 收不到邀请咋办", "zhang.wei1988", "z***@example.com")]
    [InlineData("管理员手机139.1234.5678换不了", "139.1234.5678", "139****5678")]
    [InlineData("手机 139/1234/5678 收不到验证码", "139/1234/5678", "139****5678")]
    [InlineData("手机139_1234_5678绑定不了", "139_1234_5678", "139****5678")]
    [InlineData("手机139，1234，5678收不到短信", "139，1234，5678", "139****5678")]
    [InlineData("卡号 6222   0202   0000   1234 打款没到", "6222   0202   0000   1234", "6222********1234")]
    [InlineData("我微信 wx_13912345678 加不上", "13912345678", "wx_139****5678")]
    [InlineData("对公账户No6217000010001234567打款没到", "6217000010001234567", "No6217***********4567")]
    [InlineData("联系tel13812345678", "13812345678", "tel138****5678")]
    [InlineData("我电话一三九一二三四五六七八收不到验证码", "一三九一二三四五六七八", "139****5678")]
    [InlineData("电话幺三八幺二三四五六七八", "幺三八幺二三四五六七八", "138****5678")]
    [InlineData("法人是外籍，护照号E12345678能认证吗", "E12345678", "E******78")]
    [InlineData("法人护照 passport No. TK1234567 可以吗", "TK1234567", "T******67")]
    public async Task PersonalDataTypedInChat_IsInNoFileOfTheDataFolder_NorInTheLog(string message, string raw, string masked)
    {
        await host.SayAsync(message);
        host.CloseDatabase();

        var files = await ReadDataFolderAsync();
        AssertNowhere(files, raw);
        AssertNowhere(logs.Lines, raw);
        Assert.True(Contains(files, Encoding.UTF8.GetBytes(masked)), $"the masked form {masked} should be stored");
    }

    [Fact]
    public async Task PersonalDataTypedIntoTheHandoverFlow_IsNotInTheTicketNorAnywhereElse()
    {
        await host.SayAsync("转人工");
        await host.SayAsync("邀请邮件发到 li.na@corp.example.cn 没收到，护照号G87654321");
        await host.SayAsync("某某科技 联系 139.8765.4321");
        var done = await host.SayAsync("13987654321");
        Assert.Contains("工单号", done);

        var ticket = Assert.Single(await host.Get<TicketService>().ListAsync());
        Assert.Contains("l***@corp.example.cn", ticket.FailureDescription);
        Assert.Contains("G******21", ticket.FailureDescription);
        Assert.Contains("139****4321", ticket.CompanyName);
        host.CloseDatabase();

        var files = await ReadDataFolderAsync();
        foreach (var raw in new[] { "li.na@", "G87654321", "139.8765.4321", "13987654321" })
        {
            AssertNowhere(files, raw);
            AssertNowhere(logs.Lines, raw);
        }
    }

    [Fact]
    public async Task TicketInAConversationNamedByAPhoneNumber_IsLoggedWithTheNumberMasked()
    {
        var capture = new CapturingLoggerProvider();
        using var named = new ConversationTestHost(conversationId: "13912345678", configure: s => s.AddSingleton<ILoggerProvider>(capture));

        await named.SayAsync("转人工");
        await named.SayAsync("成员导入一直失败");
        await named.SayAsync("厦门某某贸易有限公司");
        Assert.Contains("工单号", await named.SayAsync("13800001111"));

        Assert.Contains(capture.Lines, l => l.Contains("created for conversation 139****5678", StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, l => l.Contains("13912345678", StringComparison.Ordinal));
    }

    private async Task<byte[]> ReadDataFolderAsync()
    {
        var bytes = new List<byte>();
        foreach (var file in Directory.EnumerateFiles(host.Paths.DataDirectory, "*", SearchOption.AllDirectories))
        {
            bytes.AddRange(await File.ReadAllBytesAsync(file));
        }

        Assert.NotEmpty(bytes);
        return [.. bytes];
    }

    private static void AssertNowhere(byte[] files, string raw)
    {
        Assert.False(Contains(files, Encoding.UTF8.GetBytes(raw)), $"UTF-8 {raw} found in the data folder");
        Assert.False(Contains(files, Encoding.Unicode.GetBytes(raw)), $"UTF-16 {raw} found in the data folder");
    }

    private static void AssertNowhere(IReadOnlyList<string> lines, string raw) =>
        Assert.DoesNotContain(lines, line => line.Contains(raw, StringComparison.Ordinal));

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
