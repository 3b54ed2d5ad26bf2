using BackOfficeCloud.Contracts;
using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Adjustments;
using BackOfficeCloud.Forecasting.Events;
using BackOfficeCloud.Forecasting.Grpc;
using BackOfficeCloud.Forecasting.Jobs;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Migrations;
using BackOfficeCloud.Planning.Forecasting;

namespace BackOfficeCloud.Forecasting.Extensions;

public static class ForecastingExtensions
{
    public const string Schema = "forecasting";

    public static WebApplicationBuilder AddForecasting(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(ForecastingExtensions).Assembly, MessagingMigrations.Assembly);
        builder.AddEventBus(ServiceNames.Forecasting).Publishes(Topics.ForecastingForecasts).AddForecastingSubscriptions();

        var options = builder.Configuration.GetSection(ForecastingOptions.Section).Get<ForecastingOptions>() ?? new ForecastingOptions();
        options.Validate();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        builder.Services.AddSingleton<IForecaster>(new Forecaster());

        builder.Services.AddSingleton<ContributionStore>();
        builder.Services.AddSingleton<HistoryStore>();
        builder.Services.AddSingleton<ForecastStore>();
        builder.Services.AddSingleton<ForecastJobStore>();
        builder.Services.AddSingleton<AdjustmentStore>();
        builder.Services.AddSingleton<ForecastEvents>();
        builder.Services.AddSingleton<AdjustmentService>();
        builder.Services.AddSingleton<SeriesForecasts>();
        builder.Services.AddSingleton<ForecastJobQueue>();
        builder.Services.AddSingleton<ForecastJobs>();
        builder.Services.AddSingleton<ForecastJobRunner>();
        builder.Services.AddSingleton<ReforecastScheduler>();
        builder.Services.AddHostedService<ForecastJobWorker>();
        builder.Services.AddHostedService<ReforecastService>();
        return builder;
    }

    public static WebApplication MapForecasting(this WebApplication app)
    {
        app.MapGrpcService<ForecastingApi>();
        app.MapEventBus();
        return app;
    }
}
