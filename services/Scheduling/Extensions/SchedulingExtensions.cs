using BackOfficeCloud.Data;
using BackOfficeCloud.Scheduling.Grpc;

namespace BackOfficeCloud.Scheduling.Extensions;

public static class SchedulingExtensions
{
    public const string Schema = "scheduling";

    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(SchedulingExtensions).Assembly);
        return builder;
    }

    public static WebApplication MapScheduling(this WebApplication app)
    {
        app.MapGrpcService<SchedulingApi>();
        return app;
    }
}
