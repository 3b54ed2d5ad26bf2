using BackOfficeCloud.ServiceDefaults.Security;

namespace BackOfficeCloud.TestKit.Services;

/// <summary>Sends the API key on every request, as an enterprise caller does.</summary>
public sealed class ApiKeyHandler(string apiKey, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(PlatformAuthenticationHandler.ApiKeyHeader, apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
