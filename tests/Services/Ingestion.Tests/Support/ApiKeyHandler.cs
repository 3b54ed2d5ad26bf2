using BackOfficeCloud.ServiceDefaults.Security;

namespace BackOfficeCloud.Ingestion.Tests.Support;

/// <summary>Sends the API key on every request.</summary>
public sealed class ApiKeyHandler(string apiKey, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(PlatformAuthenticationHandler.ApiKeyHeader, apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
