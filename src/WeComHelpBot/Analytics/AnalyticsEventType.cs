namespace WeComHelpBot.Analytics;

public enum AnalyticsEventType
{
    ConversationStarted,
    KnowledgeAnswered,
    QuestionUnanswered,
    ClarifyShown,
    FeedbackHelpful,
    FeedbackNotHelpful,
    FlowStarted,
    FlowCompleted,
    HumanHandoffRequested,
    TicketCreated,
    RatingRequested,
    RatingGiven,
    ConversationEnded,
}
