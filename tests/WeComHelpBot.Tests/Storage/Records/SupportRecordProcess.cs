using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>One "server process" worth of record stores over a backend's shared data.</summary>
public sealed record SupportRecordProcess(ITranscriptLog Transcripts, IAnalyticsStore Analytics, ITurnRecordStore Turns);
