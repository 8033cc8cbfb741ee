using System.Net;
using System.Text;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>Stands in for IHttpClientFactory: every client records the requests it is given (the connector's replies) and answers 200.</summary>
public sealed class RecordingHttpClientFactory : IHttpClientFactory
{
    private readonly Handler handler = new();

    private int clientsCreated;

    public IReadOnlyList<(string Uri, string Body)> Requests => handler.Requests;

    public int ClientsCreated => Volatile.Read(ref clientsCreated);

    public HttpClient CreateClient(string name)
    {
        Interlocked.Increment(ref clientsCreated);
        return new(handler, disposeHandler: false);
    }

    private sealed class Handler : HttpMessageHandler
    {
        private readonly List<(string, string)> requests = [];

        public IReadOnlyList<(string Uri, string Body)> Requests
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
                requests.Add((request.RequestUri!.ToString(), body));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"sent-1\"}", Encoding.UTF8, "application/json") };
        }
    }
}
