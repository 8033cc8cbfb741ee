using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics;
using WeComHelpBot.Bot;
using WeComHelpBot.Desk;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.FollowUps;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Members;
using WeComHelpBot.Offers;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage;
using WeComHelpBot.Telemetry;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Support;

public static class SupportServiceCollectionExtensions
{
    /// <summary>
    /// Tickets, analytics, masked transcripts and the member-file check, in the storage registered by AddBotStorage
    /// (transcripts and analytics: <see cref="SupportRecordStorageServiceCollectionExtensions.AddSupportRecordStores"/>).
    /// Adapters run every registered IMiddleware, the masking transcript logger among them; hosts may bind
    /// <see cref="SupportOptions"/> from the "Support" section.
    /// </summary>
    public static IServiceCollection AddSupport(this IServiceCollection services, BotPaths paths)
    {
        services.AddOptions<SupportOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PersonalDataMasker>();
        services.AddSupportRecordStores();
        services.TryAddSingleton(sp =>
        {
            var store = new TranscriptStore(
                sp.GetRequiredService<ITranscriptLog>(),
                sp.GetRequiredService<PersonalDataMasker>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<SupportOptions>>());

            // Retention runs when the process first opens the transcripts (start-up); it completes synchronously.
            store.ApplyRetentionAsync().GetAwaiter().GetResult();
            return store;
        });

        // Every adapter built from DI (console, CloudAdapter, WeCom, Direct Line) runs the IMiddleware registrations.
        services.TryAddSingleton<MaskingTranscriptMiddleware>();
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<MaskingTranscriptMiddleware>());
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<SupportAnalytics>();
        services.AddOptions<TicketOptions>();
        services.TryAddSingleton(sp => ContactProtector.FromSettings(
            sp.GetRequiredService<IOptions<TicketOptions>>().Value,
            Path.Combine(paths.DataDirectory, "ticket-contact.key")));
        services.TryAddSingleton<TicketService>();
        services.TryAddSingleton(sp => new MemberImportChecker(
            sp.GetRequiredService<PersonalDataMasker>(),
            sp.GetRequiredService<IOptions<SupportOptions>>().Value.MemberFiles));
        services.TryAddSingleton(sp => new MemberFileAttachmentReader(sp.GetRequiredService<IOptions<SupportOptions>>().Value.MemberFiles));

        // The conversational side: hand-over, feedback, rating, small talk and member files sent in chat.
        services.TryAddSingleton<IFlowValueMasker, FlowValueMasker>();
        services.AddSingleton<IFlowAction, CreateTicketAction>();
        services.TryAddSingleton<SupportConversationMemory>();
        services.TryAddSingleton<ConversationOffers>();
        services.TryAddSingleton<SatisfactionSurvey>();
        services.AddSingleton<IFlowObserver, SupportFlowObserver>();
        services.AddSingleton<IKnowledgeTurnObserver, SupportKnowledgeObserver>();
        services.AddSingleton<IMessageHandler, ConversationStartHandler>();
        services.AddSingleton<IMessageHandler, SupportFollowUpHandler>();
        services.AddSingleton<IAttachmentHandler, MemberFileAttachmentHandler>();
        services.AddSupportDesk();
        return services;
    }
}
