using Microsoft.Bot.Schema;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Tests.Channels;

public sealed class BotFrameworkIdentityTests
{
    [Theory]
    [InlineData("emulator", "conv-1")]
    [InlineData("msteams", "19:abc@thread.skype;messageid=1")]
    [InlineData("a:b", "c")]
    [InlineData("emulator", "botframework:x:y")]
    public void Unqualify_GivesBackTheIdTheClientSent(string channelId, string id)
    {
        var qualified = BotFrameworkIdentity.Qualify(channelId, id);

        Assert.StartsWith(BotFrameworkIdentity.Prefix, qualified, StringComparison.Ordinal);
        Assert.Equal(id, BotFrameworkIdentity.Unqualify(qualified));
    }

    [Fact]
    public void Qualify_KeepsChannelsApart_EvenWhenTheyContainTheSeparator()
    {
        Assert.NotEqual(BotFrameworkIdentity.Qualify("a:b", "c"), BotFrameworkIdentity.Qualify("a", "b:c"));
        Assert.NotEqual(BotFrameworkIdentity.Qualify("emulator", "x"), BotFrameworkIdentity.Qualify("msteams", "x"));
    }

    [Theory]
    [InlineData("wecom:zhangsan")]
    [InlineData("sj-oPTGy3PS1xyZgpaVVaA")]
    [InlineData("")]
    [InlineData(null)]
    public void Unqualify_IgnoresIdsItDidNotMake(string? id) =>
        Assert.Null(BotFrameworkIdentity.Unqualify(id));

    [Fact]
    public void NoQualifiedId_IsAWeComConversationId_InAnyCase()
    {
        var qualified = BotFrameworkIdentity.Qualify("wecom", WeComActivityMapper.ConversationIdFor("zhangsan"));

        Assert.False(qualified.StartsWith(WeComActivityMapper.ChannelId + ":", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void QualifyIncoming_ThenRestore_GivesRepliesTheClientsIds_AndLeavesTheTurnsActivityQualified()
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "emulator",
            Conversation = new ConversationAccount(id: "conv-1", name: "群") { TenantId = "t" },
            From = new ChannelAccount("user-1", "张三", RoleTypes.User),
            Recipient = new ChannelAccount("bot", "bot", RoleTypes.Bot),
        };
        BotFrameworkIdentity.QualifyIncoming(incoming);
        var reply = incoming.CreateReply("你好");
        reply.ApplyConversationReference(incoming.GetConversationReference());

        BotFrameworkIdentity.Restore(reply);

        Assert.Equal("conv-1", reply.Conversation.Id);
        Assert.Equal("群", reply.Conversation.Name);
        Assert.Equal("t", reply.Conversation.TenantId);
        Assert.Equal("user-1", reply.Recipient.Id);
        Assert.Equal("张三", reply.Recipient.Name);
        Assert.Equal(BotFrameworkIdentity.Qualify("emulator", "conv-1"), incoming.Conversation.Id);
        Assert.Equal(BotFrameworkIdentity.Qualify("emulator", "user-1"), incoming.From.Id);
    }
}
