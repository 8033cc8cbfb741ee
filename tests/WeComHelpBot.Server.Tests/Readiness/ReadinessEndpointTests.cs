using System.Net;
using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.Readiness;

public sealed class ReadinessEndpointTests
{
    [Fact]
    public async Task Readyz_WhenStorageKnowledgeAndFlowsWork_Is200AndNamesEachPart()
    {
        using var factory = new HelpBotServerFactory();

        var (status, body) = await GetAsync(factory);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        foreach (var part in new[] { "storage", "knowledge", "flows" })
        {
            Assert.Equal("ok", body.GetProperty("checks").GetProperty(part).GetString());
        }
    }

    [Fact]
    public async Task Readyz_WhenStorageFails_Is503AndNamesStorage_WithoutTheExceptionText()
    {
        using var factory = new HelpBotServerFactory().WithServices(s => s.Replace(ServiceDescriptor.Singleton<IStorage>(new FailingStorage())));

        var (status, body) = await GetAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unready", body.GetProperty("status").GetString());
        Assert.NotEqual("ok", body.GetProperty("checks").GetProperty("storage").GetString());
        Assert.DoesNotContain("/secret/path", body.GetRawText());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("knowledge").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("flows").GetString());
    }

    [Fact]
    public async Task Readyz_WithoutTheHandoverFlow_Is503AndNamesFlows()
    {
        using var factory = new HelpBotServerFactory().WithServices(s =>
        {
            var flows = FlowCatalog.Load(Path.Combine(RepositoryPaths.Root, "dialogs")).Flows.Where(f => f.Id != FlowCatalog.HandoverFlowId).ToList();
            s.Replace(ServiceDescriptor.Singleton(new FlowCatalog(flows)));
        });

        var (status, body) = await GetAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("handover", body.GetProperty("checks").GetProperty("flows").GetString());
    }

    [Fact]
    public async Task Healthz_StaysTheLivenessProbe()
    {
        using var factory = new HelpBotServerFactory();

        using var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HelpBotServerFactory factory)
    {
        using var response = await factory.CreateClient().GetAsync("/readyz");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    private sealed class FailingStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new IOException("disk gone at /secret/path");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            throw new IOException("disk gone at /secret/path");

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new IOException("disk gone at /secret/path");
    }
}
