using System.Globalization;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Grpc;
using BackOfficeCloud.Ingestion.Imports;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Metrics;
using BackOfficeCloud.Ingestion.Pipeline;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Migrations;

namespace BackOfficeCloud.Ingestion.Extensions;

public static class IngestionExtensions
{
    public const string Schema = "ingestion";

    /// <summary>
    /// Unless configured otherwise, a CloudEvents batch of this service's events holds at most 64 KB (about a hundred
    /// events), under .NET's large-object threshold (85,000 bytes): a batch of 512 KB was a large object here, in the relay
    /// that reads its outbox row back and in every consumer, and large objects are only collected in full (gen 2)
    /// collections, which they trigger (bench ingest: 64 gen-2 collections of the service per million records, 20 after).
    /// </summary>
    private const int EventBatchMaxBytes = 64 * 1024;

    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(IngestionExtensions).Assembly, MessagingMigrations.Assembly);
        builder.Configuration[$"{MessagingOptions.Section}:{nameof(MessagingOptions.BatchMaxBytes)}"] ??= EventBatchMaxBytes.ToString(CultureInfo.InvariantCulture);
        builder.AddEventBus(ServiceNames.Ingestion).Publishes(
            Topics.IngestionInteractions, Topics.IngestionIntervalStats, Topics.IngestionWorkItems,
            Topics.IngestionAgentStates, Topics.IngestionRoster);
        builder.Services.AddSingleton(builder.Configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions());
        builder.Services.AddSingleton<RecordKinds>();
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<StageTimings>();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton<ImportJobStore>();
        builder.Services.AddSingleton<ImportRunner>();
        return builder;
    }

    public static WebApplication MapIngestion(this WebApplication app)
    {
        app.MapGrpcService<IngestionApi>();
        app.MapHttpImport();
        app.MapEventBus();
        return app;
    }
}
