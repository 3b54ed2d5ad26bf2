using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Grpc;
using BackOfficeCloud.Planning.Forecasting;

namespace BackOfficeCloud.Forecasting.Extensions;

public static class ForecastingExtensions
{
    public const string Schema = "forecasting";

    public static WebApplicationBuilder AddForecasting(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(ForecastingExtensions).Assembly);
        builder.Services.AddSingleton<IForecaster>(new Forecaster());
        return builder;
    }

    public static WebApplication MapForecasting(this WebApplication app)
    {
        app.MapGrpcService<ForecastingApi>();
        return app;
    }
}
