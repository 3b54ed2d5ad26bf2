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

    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(IngestionExtensions).Assembly, MessagingMigrations.Assembly);
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
