using System.Text;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.FollowUps;

public sealed class ConversationPrivacyTests : IDisposable
{
    private const string RawPhone = "13712345678";

    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task PhoneTypedInChatAndInHandover_IsNotInTheDatabaseFile_ButTheTicketHasIt()
    {
        await host.SayAsync($"我手机号{RawPhone}注册不了怎么办");
        await host.SayAsync("转人工");
        await host.SayAsync($"注册的时候提示手机号{RawPhone}已被占用");
        await host.SayAsync($"福州某某科技有限公司 电话{RawPhone}");
        var done = await host.SayAsync(RawPhone);
        Assert.Contains("工单号", done);
        await host.SayAsync($"对了我手机是 {RawPhone[..3]} {RawPhone[3..7]} {RawPhone[7..]}");

        host.CloseDatabase();
        var bytes = await File.ReadAllBytesAsync(host.Paths.DatabaseFile);
        foreach (var raw in new[] { RawPhone, $"{RawPhone[..3]} {RawPhone[3..7]} {RawPhone[7..]}" })
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(raw)), $"UTF-8 {raw} found in the database file");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(raw)), $"UTF-16 {raw} found in the database file");
        }

        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes("137****5678")), "the masked form should be stored");

        host.Reopen();
        var ticket = Assert.Single(await host.Get<TicketService>().ListAsync());
        Assert.Equal(RawPhone, ticket.ContactPhone);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
