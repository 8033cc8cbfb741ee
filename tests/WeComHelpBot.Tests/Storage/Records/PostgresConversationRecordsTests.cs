using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage;
using WeComHelpBot.Tests.FollowUps;

namespace WeComHelpBot.Tests.Storage.Records;

/// <summary>The whole bot with <c>Storage:Provider</c> = Postgres: a conversation's transcript and events land in PostgreSQL, masked.</summary>
public sealed class PostgresConversationRecordsTests : IAsyncLifetime
{
    private const string RawPhone = "13912345678";

    private PostgresTestDatabase? test;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (test is not null)
        {
            await test.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task AConversation_IsRecordedInPostgres_WithPersonalDataMasked()
    {
        test = PostgresTestDatabase.Create();
        using var host = new ConversationTestHost("conv-pg", "webchat", services => services.Configure<StorageOptions>(o =>
        {
            o.Provider = StorageProvider.Postgres;
            o.ConnectionString = test.ConnectionString;
        }));

        Assert.NotEmpty(await host.SayAsync("怎么注册企业微信"));
        await host.SayAsync($"我手机{RawPhone}收不到验证码咋整");

        var lines = await host.Get<TranscriptStore>().GetConversationAsync("conv-pg");
        Assert.Equal(["怎么注册企业微信", "我手机139****5678收不到验证码咋整"], lines.Where(l => l.Direction == TranscriptDirection.Incoming).Select(l => l.Text).ToArray());
        Assert.Contains(lines, l => l.Direction == TranscriptDirection.Outgoing);
        Assert.Contains(AnalyticsEventType.ConversationStarted, await host.EventTypesAsync());

        await using var connection = new NpgsqlConnection(test.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM transcript_lines WHERE conversation LIKE '%conv-pg'), (SELECT count(*) FROM analytics_events WHERE conversation LIKE '%conv-pg')",
            connection);
        await using (var reader = await count.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(lines.Count, reader.GetInt64(0));
            Assert.True(reader.GetInt64(1) > 0);
        }

        await using var raw = new NpgsqlCommand(
            "SELECT count(*) FROM transcript_lines WHERE text LIKE @raw OR text LIKE @spaced",
            connection);
        raw.Parameters.AddWithValue("raw", $"%{RawPhone}%");
        raw.Parameters.AddWithValue("spaced", "%1234%5678%");
        Assert.Equal(0L, await raw.ExecuteScalarAsync());
    }
}
