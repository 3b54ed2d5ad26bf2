using BackOfficeCloud.Contracts;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Migrations;
using BackOfficeCloud.Scheduling.Events;
using BackOfficeCloud.Scheduling.Grpc;
using BackOfficeCloud.Scheduling.Jobs;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.Scheduling.Simulation;
using BackOfficeCloud.Scheduling.Storage;

namespace BackOfficeCloud.Scheduling.Extensions;

public static class SchedulingExtensions
{
    public const string Schema = "scheduling";

    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase(Schema, typeof(SchedulingExtensions).Assembly, MessagingMigrations.Assembly);
        builder.AddEventBus(ServiceNames.Scheduling)
            .Publishes(Topics.SchedulingRequirements, Topics.SchedulingSchedules)
            .AddSchedulingSubscriptions();
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddSingleton<PlanningInputsReader>();
        builder.Services.AddSingleton<WorkItemStore>();
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<ScheduleStore>();
        builder.Services.AddSingleton<ScheduleJobStore>();
        builder.Services.AddSingleton<ScheduleValidationStore>();
        builder.Services.AddSingleton<ScheduleListStore>();
        builder.Services.AddSingleton<ScheduleSimulations>();
        builder.Services.AddSingleton<SchedulingEvents>();
        builder.Services.AddSingleton<RequirementsComputation>();
        builder.Services.AddSingleton<JobQueueSignal>();
        builder.Services.AddSingleton<ScheduleJobExecution>();
        builder.Services.Configure<ScheduleJobOptions>(builder.Configuration.GetSection(ScheduleJobOptions.Section));
        builder.Services.AddHostedService<ScheduleJobRunner>();
        return builder;
    }

    public static WebApplication MapScheduling(this WebApplication app)
    {
        app.MapGrpcService<SchedulingApi>();
        app.MapEventBus();
        return app;
    }
}
