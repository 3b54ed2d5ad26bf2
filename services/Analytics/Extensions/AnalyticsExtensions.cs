using BackOfficeCloud.Analytics.Grpc;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Migrations;

namespace BackOfficeCloud.Analytics.Extensions;

public static class AnalyticsExtensions
{
    public const string Schema = "analytics";

    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(AnalyticsExtensions).Assembly, MessagingMigrations.Assembly);
        builder.AddEventBus(ServiceNames.Analytics).AddAnalyticsSubscriptions();
        return builder;
    }

    public static WebApplication MapAnalytics(this WebApplication app)
    {
        app.MapGrpcService<AnalyticsApi>();
        app.MapEventBus();
        return app;
    }
}
