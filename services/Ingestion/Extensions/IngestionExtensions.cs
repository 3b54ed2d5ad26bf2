using BackOfficeCloud.Contracts;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Events;
using BackOfficeCloud.Ingestion.Grpc;
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
        builder.Services.AddSingleton<InteractionStore>();
        builder.Services.AddSingleton<InteractionEvents>();
        return builder;
    }

    public static WebApplication MapIngestion(this WebApplication app)
    {
        app.MapGrpcService<IngestionApi>();
        app.MapEventBus();
        return app;
    }
}
