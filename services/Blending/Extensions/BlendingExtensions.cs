using BackOfficeCloud.Data;
using BackOfficeCloud.Blending.Grpc;

namespace BackOfficeCloud.Blending.Extensions;

public static class BlendingExtensions
{
    public const string Schema = "blending";

    public static WebApplicationBuilder AddBlending(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(BlendingExtensions).Assembly);
        return builder;
    }

    public static WebApplication MapBlending(this WebApplication app)
    {
        app.MapGrpcService<BlendingApi>();
        return app;
    }
}
