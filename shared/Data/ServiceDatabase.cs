using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BackOfficeCloud.Data;

/// <summary>The schema a service owns and the assemblies whose embedded SQL migrations build it.</summary>
public sealed record ServiceSchema(string Name, IReadOnlyList<Assembly> MigrationAssemblies);

/// <summary>A schema every service migrates and uses besides its own (e.g. identity); migrated before the service's own.</summary>
public sealed record SharedSchema(string Name, IReadOnlyList<Assembly> MigrationAssemblies);

public static class ServiceDatabase
{
    /// <summary>Connection of the service's runtime role (no BYPASSRLS): <c>ConnectionStrings__postgres</c>.</summary>
    public const string ConnectionName = "postgres";

    /// <summary>Connection of the schema owner, used only for migrations: <c>ConnectionStrings__postgres-admin</c>.</summary>
    public const string AdminConnectionName = "postgres-admin";

    /// <summary>
    /// Registers the service's <see cref="NpgsqlDataSource"/>, applies its migrations at start-up (before requests
    /// are served) and adds a readiness check on PostgreSQL.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase(
        this IHostApplicationBuilder builder, string schema, params Assembly[] migrationAssemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(ServiceSchema)))
        {
            throw new InvalidOperationException($"A service owns one schema; '{schema}' is a second one.");
        }

        builder.Services.AddSingleton(new ServiceSchema(schema, migrationAssemblies));
        return builder.AddDatabase();
    }

    /// <summary>Adds a schema that several services share and each migrates (idempotently, under the same lock).</summary>
    public static IHostApplicationBuilder AddSharedSchema(
        this IHostApplicationBuilder builder, string schema, params Assembly[] migrationAssemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new SharedSchema(schema, migrationAssemblies));
        return builder.AddDatabase();
    }

    private static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"No PostgreSQL connection: set ConnectionStrings__{ConnectionName} (AppHost sets it when it starts the platform).");

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

internal sealed class MigrationHostedService(
    IEnumerable<SharedSchema> shared, IEnumerable<ServiceSchema> own, IConfiguration configuration, MigrationState state) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var schemas = shared.Select(s => (s.Name, s.MigrationAssemblies)).Concat(own.Select(s => (s.Name, s.MigrationAssemblies)));
        foreach (var (name, assemblies) in schemas)
        {
            await SchemaMigrator.MigrateAsync(
                ServiceDatabase.AdminConnectionString(configuration), name, ServiceDatabase.AppRole(configuration),
                assemblies, cancellationToken).ConfigureAwait(false);
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
