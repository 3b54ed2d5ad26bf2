using System.Reflection;
using DbUp;
using DbUp.Engine;
using Npgsql;

namespace BackOfficeCloud.Data;

/// <summary>
/// Applies a service's versioned SQL migrations (embedded <c>*.sql</c> resources, applied in name order) to the
/// schema it owns, with DbUp, under a PostgreSQL advisory lock so several replicas starting at once migrate once.
/// Scripts may use <c>$schema$</c> and <c>$app_role$</c>; the app role gets data rights on the schema but not
/// ownership, so row-level security applies to it. A tenant-owned table gets its policy from
/// <c>SELECT platform.enable_tenant_isolation('$schema$.name');</c>, the one definition of tenant isolation.
/// </summary>
public static class SchemaMigrator
{
    public static async Task MigrateAsync(
        string ownerConnectionString, string schema, string appRole, IEnumerable<Assembly> scriptAssemblies,
        CancellationToken cancellationToken = default)
    {
        EnsureIdentifier(schema, nameof(schema));
        EnsureIdentifier(appRole, nameof(appRole));

        await using var lockConnection = new NpgsqlConnection(ownerConnectionString);
        await lockConnection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock(hashtext('bocloud-migrations:{schema}'))", cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureTenantIsolationFunctionAsync(lockConnection, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(lockConnection, $"CREATE SCHEMA IF NOT EXISTS {schema}", cancellationToken).ConfigureAwait(false);
            foreach (var assembly in scriptAssemblies)
            {
                Upgrade(ownerConnectionString, schema, appRole, assembly);
            }

            await ExecuteAsync(lockConnection, GrantsSql(schema, appRole), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock(hashtext('bocloud-migrations:{schema}'))", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Created once per database, under a lock of its own: services migrating at once would otherwise race.</summary>
    private static async Task EnsureTenantIsolationFunctionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtext('bocloud-migrations:platform'))", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, TenantIsolationFunctionSql, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtext('bocloud-migrations:platform'))", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private const string TenantIsolationFunctionSql = """
        CREATE SCHEMA IF NOT EXISTS platform;
        CREATE OR REPLACE FUNCTION platform.enable_tenant_isolation(target regclass) RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
            EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
            EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
            EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = current_setting(''app.tenant_id'', true)) '
                || 'WITH CHECK (tenant_id = current_setting(''app.tenant_id'', true))', target);
        END $fn$;
        """;

    private static void Upgrade(string connectionString, string schema, string appRole, Assembly assembly)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString, schema)
            .WithScriptsEmbeddedInAssembly(assembly, name => name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .JournalToPostgresqlTable(schema, "schema_versions")
            .WithVariable("schema", schema)
            .WithVariable("app_role", appRole)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration '{result.ErrorScript?.Name}' of schema '{schema}' failed: {result.Error?.Message}", result.Error);
        }
    }

    private static string GrantsSql(string schema, string appRole) => $"""
        GRANT USAGE ON SCHEMA {schema} TO {appRole};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {appRole};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {appRole};
        REVOKE ALL ON {schema}.schema_versions FROM {appRole};
        """;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureIdentifier(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || char.IsAsciiDigit(value[0]))
        {
            throw new ArgumentException($"'{value}' is not a plain lower-case SQL identifier.", name);
        }
    }
}
