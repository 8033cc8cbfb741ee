using System.Text;
using Microsoft.Bot.Schema;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Tests.FollowUps;

/// <summary>A member import sheet sent in chat is checked and the report comes back; other files get the "only text" reply.</summary>
public sealed class MemberFileConversationTests : IDisposable
{
    private const string DuplicateCsv = "姓名,手机,部门\n张三,13812345678,销售部\n李四,13912345678,财务部\n王五,138 1234 5678,销售部\n";

    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("test", false)]
    [InlineData("emulator", true)]
    [InlineData("console", false)]
    [InlineData("webchat", true)]
    public async Task CsvSentAsALocalPathOrFileUrl_IsNeverRead_OnAnyChannel(string channel, bool asFileUrl)
    {
        using var onChannel = new ConversationTestHost(channelId: channel);
        var path = Path.Combine(onChannel.Paths.DataDirectory, "成员.csv");
        await File.WriteAllTextAsync(path, DuplicateCsv);

        var reply = await onChannel.SendAsync(WithAttachment(new Attachment("text/csv", asFileUrl ? new Uri(path).AbsoluteUri : path, name: "成员.csv")));

        Assert.Contains(WeComHelpBot.Support.SupportTexts.MemberFileLocalPath, reply);
        Assert.DoesNotContain("成员文件检查", reply);
        Assert.DoesNotContain("重复", reply);
    }

    [Fact]
    public async Task Report_IsRepliedWhole_ButTheTranscriptKeepsASummary()
    {
        var reply = await host.SendAsync(WithAttachment(new Attachment("text/csv", content: Encoding.UTF8.GetBytes(DuplicateCsv), name: "members.csv")));

        var lines = await host.Get<TranscriptStore>().GetConversationAsync(host.ConversationId);
        var stored = Assert.Single(lines, l => l.Direction == TranscriptDirection.Outgoing && l.Text.Contains("members.csv", StringComparison.Ordinal));
        Assert.Contains("重复出现在第 2、4 行", reply);
        Assert.Equal("[成员文件检查] members.csv：3 名成员，1 个问题（手机号重复 1）", stored.Text);
    }

    [Fact]
    public async Task Csv_AsInlineBytes_IsChecked()
    {
        var reply = await host.SendAsync(WithAttachment(new Attachment("text/csv", content: Encoding.UTF8.GetBytes(DuplicateCsv), name: "members.csv")));

        Assert.Contains("重复出现在第 2、4 行", reply);
    }

    [Fact]
    public async Task Csv_AsADataUrl_IsChecked()
    {
        var url = "data:text/csv;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(DuplicateCsv));

        var reply = await host.SendAsync(WithAttachment(new Attachment("text/csv", url, name: "members.csv")));

        Assert.Contains("重复出现在第 2、4 行", reply);
    }

    [Fact]
    public async Task SheetBehindAWebLink_IsNotFetched_TheReplyPointsToTheCommand()
    {
        var reply = await host.SendAsync(WithAttachment(new Attachment(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "https://files.example.invalid/成员.xlsx", name: "成员.xlsx")));

        Assert.Contains("wecomhelp members check", reply);
    }

    [Fact]
    public async Task BrokenXlsx_SaysTheFileCannotBeRead()
    {
        var reply = await host.SendAsync(WithAttachment(new Attachment("application/octet-stream", content: Encoding.UTF8.GetBytes("not a zip"), name: "成员.xlsx")));

        Assert.Contains("无法读取成员文件 成员.xlsx", reply);
    }

    [Fact]
    public async Task Picture_IsNotTakenForAMemberFile()
    {
        var reply = await host.SendAsync(WithAttachment(new Attachment("image/png", "https://files.example.invalid/a.png")));

        Assert.Equal(WeComHelpBot.Images.ImageTexts.Remote, reply);
    }

    private static Activity WithAttachment(Attachment attachment) => new(ActivityTypes.Message) { Attachments = [attachment] };
}
