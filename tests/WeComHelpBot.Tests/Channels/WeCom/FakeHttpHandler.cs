using System.Net;
using System.Text;

namespace WeComHelpBot.Tests.Channels.WeCom;

/// <summary>Answers HTTP requests from a function and records them; stands in for WeCom's API in unit tests.</summary>
internal sealed class FakeHttpHandler(Func<HttpRequestMessage, string, string> respond) : HttpMessageHandler
{
    private readonly List<(string PathAndQuery, string Body)> requests = [];

    public IReadOnlyList<(string PathAndQuery, string Body)> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (requests)
        {
            requests.Add((request.RequestUri!.PathAndQuery, body));
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(respond(request, body), Encoding.UTF8, "application/json"),
        };
    }
}
