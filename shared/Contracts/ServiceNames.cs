namespace BackOfficeCloud.Contracts;

/// <summary>
/// One kebab-case name per service, used everywhere: AppHost resource, Dapr app id, consumer group, Helm key,
/// Kubernetes Service, metric <c>service</c> label, service discovery (<c>services__NAME__http__0</c>).
/// </summary>
public static class ServiceNames
{
    public const string Ingestion = "ingestion";
    public const string Forecasting = "forecasting";
    public const string Scheduling = "scheduling";
    public const string Blending = "blending";
    public const string Analytics = "analytics";
    public const string Portal = "portal";
}
