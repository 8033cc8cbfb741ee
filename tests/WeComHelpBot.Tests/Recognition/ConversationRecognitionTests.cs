using WeComHelpBot.Analytics;
using WeComHelpBot.FollowUps;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

/// <summary>Small talk, ratings and feedback replies as users type them.</summary>
public sealed class ConversationRecognitionTests
{
    [Theory]
    [InlineData("你好", SmallTalk.Greeting)]
    [InlineData("您好！", SmallTalk.Greeting)]
    [InlineData("在吗", SmallTalk.Greeting)]
    [InlineData("hi", SmallTalk.Greeting)]
    [InlineData("Hello", SmallTalk.Greeting)]
    [InlineData("有人吗？", SmallTalk.Greeting)]
    [InlineData("谢谢", SmallTalk.Thanks)]
    [InlineData("谢谢你！", SmallTalk.Thanks)]
    [InlineData("好的谢谢", SmallTalk.Thanks)]
    [InlineData("多谢", SmallTalk.Thanks)]
    [InlineData("再见", SmallTalk.Goodbye)]
    [InlineData("拜拜~", SmallTalk.Goodbye)]
    [InlineData("谢谢没问题了", SmallTalk.Goodbye)]
    [InlineData("好的没事了", SmallTalk.Goodbye)]
    [InlineData("明白了谢谢", SmallTalk.Goodbye)]
    [InlineData("没问题了", SmallTalk.Goodbye)]
    [InlineData("就这些吧，谢谢", SmallTalk.Goodbye)]
    [InlineData("你是真人吗", SmallTalk.AboutBot)]
    [InlineData("你是真人还是机器人？", SmallTalk.AboutBot)]
    [InlineData("你是機器人嗎", SmallTalk.AboutBot)]
    [InlineData("请问你是不是人工智能", SmallTalk.AboutBot)]
    [InlineData("你叫什么名字", SmallTalk.AboutBot)]
    [InlineData("你是哪家公司开发的", SmallTalk.AboutBot)]
    [InlineData("Are you a real person?", SmallTalk.AboutBot)]
    [InlineData("What's your name", SmallTalk.AboutBot)]
    [InlineData("你这机器人能干啥", SmallTalk.None)]
    [InlineData("你是个体户吗", SmallTalk.None)]
    [InlineData("你是谁", SmallTalk.None)]
    [InlineData("你好，个体户能加几个人", SmallTalk.None)]
    [InlineData("谢谢你能告诉我怎么认证吗", SmallTalk.None)]
    [InlineData("明白了", SmallTalk.None)]
    [InlineData("没有营业执照", SmallTalk.None)]
    public void SmallTalk_IsRecognized(string text, SmallTalk expected) => Assert.Equal(expected, SmallTalkRecognizer.Recognize(text));

    [Theory]
    [InlineData("5", 5, null)]
    [InlineData("５", 5, null)]
    [InlineData("五星", 5, null)]
    [InlineData("5分", 5, null)]
    [InlineData("给五星好评", 5, null)]
    [InlineData("打4分吧", 4, null)]
    [InlineData("非常满意", 5, null)]
    [InlineData("满意", 4, null)]
    [InlineData("还行", 3, null)]
    [InlineData("一般", 3, null)]
    [InlineData("不太满意", 2, null)]
    [InlineData("很差", 1, null)]
    [InlineData("4分，回答挺快的", 4, "回答挺快的")]
    [InlineData("非常满意 讲得很清楚", 5, "讲得很清楚")]
    [InlineData("5 非常满意", 5, null)]
    public void Rating_IsRead(string text, int rating, string? reason)
    {
        var reply = RatingRecognizer.Recognize(text);

        Assert.Equal(rating, reply.Rating);
        Assert.Equal(reason, reply.Reason);
    }

    [Theory]
    [InlineData("5个人能注册吗")]
    [InlineData("微信认证要多久")]
    [InlineData("还行吗这个功能怎么用？")]
    public void Rating_NotAReply_IsNone(string text) => Assert.Equal(RatingReply.None, RatingRecognizer.Recognize(text));

    [Theory]
    [InlineData("不用")]
    [InlineData("不评了")]
    [InlineData("跳过")]
    public void Rating_Declined(string text) => Assert.True(RatingRecognizer.Recognize(text).Declined);

    [Theory]
    [InlineData("10")]
    [InlineData("0分")]
    [InlineData("六星")]
    public void Rating_OutOfRange(string text) => Assert.True(RatingRecognizer.Recognize(text).OutOfRange);

    [Theory]
    [InlineData("有帮助", true)]
    [InlineData("很有用！", true)]
    [InlineData("没帮助", false)]
    [InlineData("没啥用", false)]
    [InlineData("不管用啊", false)]
    [InlineData("怎么有帮助", null)]
    public void Feedback_IsRead(string text, bool? expected) => Assert.Equal(expected, FeedbackRecognizer.RecognizeHelpful(text));

    [Theory]
    [InlineData("不相关", NotHelpfulReason.Irrelevant)]
    [InlineData("1", NotHelpfulReason.Irrelevant)]
    [InlineData("答非所问", NotHelpfulReason.Irrelevant)]
    [InlineData("相关但没解决", NotHelpfulReason.RelatedButUnsolved)]
    [InlineData("还是没解决", NotHelpfulReason.RelatedButUnsolved)]
    public void NotHelpfulReason_IsRead(string text, NotHelpfulReason expected) => Assert.Equal(expected, FeedbackRecognizer.RecognizeReason(text));

    [Theory]
    [InlineData("带我做", true)]
    [InlineData("一步一步带我做", true)]
    [InlineData("好的 带我做", true)]
    [InlineData("怎么做", false)]
    public void StepByStep_IsRead(string text, bool expected) => Assert.Equal(expected, FeedbackRecognizer.IsStepByStep(text));
}
