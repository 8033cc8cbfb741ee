using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Tests.Channels.WeCom;

public sealed class WeComActivityMapperTests
{
    private static readonly WeComUserPseudonym Pseudonym = new("6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1");

    private static WeComMessage Text(string content) => new()
    {
        ToUserName = "ww1",
        FromUserName = "zhangsan",
        CreateTime = 1700000000,
        MsgType = "text",
        Content = content,
        MsgId = "123",
        AgentId = "1000002",
    };

    [Fact]
    public void ToActivity_MapsTextToAMessageFromTheMember_InAConversationPerMember()
    {
        var activity = WeComActivityMapper.ToActivity(pseudonym: Pseudonym, message: Text("个体户最多能加几个人"));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("wecom", activity.ChannelId);
        Assert.Equal("个体户最多能加几个人", activity.Text);
        Assert.Equal("zhangsan", activity.From.Id);
        Assert.Equal(RoleTypes.User, activity.From.Role);
        Assert.Equal("wecom:" + Pseudonym.For("zhangsan"), activity.Conversation.Id);
        Assert.Equal("ww1/1000002", activity.Recipient.Id);
        Assert.Equal("123", activity.Id);
        Assert.Equal("zh-CN", activity.Locale);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), activity.Timestamp);
    }

    [Fact]
    public void ToActivity_AMemberWhoseUserIdIsAPhoneNumber_GetsAConversationWithoutIt_ButRepliesStillReachThem()
    {
        var activity = WeComActivityMapper.ToActivity(Text("你好") with { FromUserName = "13912345678", MsgId = null }, Pseudonym);

        Assert.Equal("13912345678", activity.From.Id);
        Assert.DoesNotContain("1391", activity.Conversation.Id);
        Assert.DoesNotContain("5678", activity.Conversation.Id);
        Assert.DoesNotContain("1391", activity.Id);
        Assert.Matches("^wecom:m[0-9a-f]{24}$", activity.Conversation.Id);
        Assert.Equal("13912345678", activity.CreateReply("收到").Recipient.Id);
    }

    [Fact]
    public void Pseudonym_IsStableForAMember_DistinctBetweenMembers_AndKeyedByTheApp()
    {
        Assert.Equal(Pseudonym.For("13912345678"), new WeComUserPseudonym("6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1").For("13912345678"));
        Assert.NotEqual(Pseudonym.For("13912345678"), Pseudonym.For("13912345679"));
        Assert.NotEqual(Pseudonym.For("13912345678"), new WeComUserPseudonym("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "ww1").For("13912345678"));
    }

    [Theory]
    [InlineData("enter_agent")]
    [InlineData("subscribe")]
    public void ToActivity_MapsEnteringTheApp_ToMemberAdded(string eventName)
    {
        var activity = WeComActivityMapper.ToActivity(pseudonym: Pseudonym, message: Text(string.Empty) with { MsgType = "event", Event = eventName, MsgId = null });

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal("zhangsan", Assert.Single(activity.MembersAdded).Id);
    }

    [Fact]
    public void ToActivity_MapsOtherEvents_ToNamedEvents()
    {
        var activity = WeComActivityMapper.ToActivity(pseudonym: Pseudonym, message: Text(string.Empty) with { MsgType = "event", Event = "click", EventKey = "menu_1" });

        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.Equal("click", activity.Name);
        Assert.Equal("menu_1", activity.Value);
    }

    [Fact]
    public void ToActivity_MapsImages_ToAMessageWithAnAttachmentAndNoText()
    {
        var activity = WeComActivityMapper.ToActivity(pseudonym: Pseudonym, message: Text(string.Empty) with { MsgType = "image", Content = null });

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Single(activity.Attachments);
    }

    [Fact]
    public void ReplyText_JoinsMessageTexts_AndSkipsTypingAndBlankOnes()
    {
        Activity[] replies =
        [
            new Activity(ActivityTypes.Typing),
            (Activity)MessageFactory.Text("第一条"),
            (Activity)MessageFactory.Text("  "),
            (Activity)MessageFactory.Text("第二条\n(1) 是　(2) 否"),
        ];

        Assert.Equal("第一条\n\n第二条\n(1) 是　(2) 否", WeComActivityMapper.ReplyText(replies));
        Assert.Null(WeComActivityMapper.ReplyText([new Activity(ActivityTypes.Typing)]));
    }
}
