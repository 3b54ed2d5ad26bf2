using BackOfficeCloud.Blending.Grpc;
using BackOfficeCloud.Blending.Live;
using BackOfficeCloud.Blending.Storage;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Migrations;

namespace BackOfficeCloud.Blending.Extensions;

public static class BlendingExtensions
{
    public const string Schema = "blending";

    public static WebApplicationBuilder AddBlending(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(BlendingExtensions).Assembly, MessagingMigrations.Assembly);
        builder.AddEventBus(ServiceNames.Blending).Publishes(Topics.BlendingDecisions).AddBlendingSubscriptions();
        builder.Services.AddSingleton<FactStore>();
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<PolicyStore>();
        builder.Services.AddSingleton<TenantDesks>();
        builder.Services.AddSingleton<TaskNotifications>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TaskNotifications>());
        return builder;
    }

    public static WebApplication MapBlending(this WebApplication app)
    {
        app.MapGrpcService<BlendingApi>();
        app.MapEventBus();
        return app;
    }
}
