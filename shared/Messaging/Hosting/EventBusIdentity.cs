namespace BackOfficeCloud.Messaging.Hosting;

/// <summary>The service's app id: the CloudEvents source, the Kafka consumer group and client id, the Dapr app id.</summary>
public sealed record EventBusIdentity(string AppId);
