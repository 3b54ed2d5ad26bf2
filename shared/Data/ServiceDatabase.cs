using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BackOfficeCloud.Data;

/// <summary>The schema a service owns and the assemblies whose embedded SQL migrations build it.</summary>
public sealed record ServiceSchema(string Name, IReadOnlyList<Assembly> MigrationAssemblies);

public static class ServiceDatabase
{
    /// <summary>Connection of the service's runtime role (no BYPASSRLS): <c>ConnectionStrings__postgres</c>.</summary>
    public const string ConnectionName = "postgres";

    /// <summary>Connection of the schema owner, used only for migrations: <c>ConnectionStrings__postgres-admin</c>.</summary>
    public const string AdminConnectionName = "postgres-admin";

    /// <summary>
    /// Registers the service's <see cref="NpgsqlDataSource"/>, applies its migrations at start-up (before requests
    /// are served) and adds a readiness check on PostgreSQL. Called once per schema the service owns.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase(
        this IHostApplicationBuilder builder, string schema, params Assembly[] migrationAssemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"No PostgreSQL connection: set ConnectionStrings__{ConnectionName} (AppHost sets it when it starts the platform).");

        builder.Services.AddSingleton(new ServiceSchema(schema, migrationAssemblies));
        if (builder.Services.Any(s => s.ServiceType == typeof(MigrationState)))
        {
            return builder;
        }

        builder.Services.AddSingleton<MigrationState>();
        builder.Services.AddSingleton(_ =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString);
            dataSource.ConnectionStringBuilder.ApplicationName ??= builder.Environment.ApplicationName;
            return dataSource.Build();
        });
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return builder;
    }

    internal static string AdminConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(AdminConnectionName) ?? configuration.GetConnectionString(ConnectionName)!;

    internal static string AppRole(IConfiguration configuration) =>
        new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ConnectionName)).Username
        ?? throw new InvalidOperationException($"ConnectionStrings__{ConnectionName} names no Username: it must name the service's runtime role.");
}

internal sealed class MigrationHostedService(IEnumerable<ServiceSchema> schemas, IConfiguration configuration, MigrationState state) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in schemas)
        {
            await SchemaMigrator.MigrateAsync(
                ServiceDatabase.AdminConnectionString(configuration), schema.Name, ServiceDatabase.AppRole(configuration),
                schema.MigrationAssemblies, cancellationToken).ConfigureAwait(false);
        }

        state.Completed = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class MigrationState
{
    public volatile bool Completed;
}

internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, MigrationState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Completed)
        {
            return HealthCheckResult.Unhealthy("migrations have not finished");
        }

        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", ex);
        }
    }
}
