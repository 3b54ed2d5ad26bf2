using System.Diagnostics;
using Npgsql;

namespace BackOfficeCloud.DevInfra.Postgres;

/// <summary>
/// A PostgreSQL cluster from the installed server binaries, on a loopback port, with the roles the platform expects:
/// <c>bocloud_owner</c> owns the <c>bocloud</c> database and its schemas (migrations), <c>bocloud_app</c> is what
/// services run as (no superuser, no BYPASSRLS, so row-level security applies). PostgreSQL refuses to run as root,
/// so as root the server runs as the <c>postgres</c> system user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string Database = "bocloud";
    public const string OwnerRole = "bocloud_owner";
    public const string AppRole = "bocloud_app";

    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _throwaway;

    private LocalPostgres(string binDirectory, string dataDirectory, int port, bool throwaway)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        Port = port;
        _throwaway = throwaway;
    }

    public int Port { get; }

    public string SuperuserConnectionString => Connection("postgres", Database);

    /// <summary>For migrations: <c>ConnectionStrings__postgres-admin</c>.</summary>
    public string OwnerConnectionString => Connection(OwnerRole, Database);

    /// <summary>For the services at run time: <c>ConnectionStrings__postgres</c>.</summary>
    public string AppConnectionString => Connection(AppRole, Database);

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bin = FindServerBinaries();
        var throwaway = options.DataDirectory is null;
        var dataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"bocloud-pg-{Guid.NewGuid():N}"));
        var port = options.Port == 0 ? FreePort.Next() : options.Port;
        var server = new LocalPostgres(bin, dataDirectory, port, throwaway);
        await server.InitializeAsync(options.Durable, cancellationToken).ConfigureAwait(false);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false).ConfigureAwait(false);
        if (_throwaway && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private string Connection(string user, string database) =>
        $"Host=127.0.0.1;Port={Port};Username={user};Database={database};Pooling=true;Maximum Pool Size=50";

    private async Task InitializeAsync(bool durable, CancellationToken cancellationToken)
    {
        var fresh = !File.Exists(Path.Combine(_dataDirectory, "PG_VERSION"));
        if (fresh)
        {
            Directory.CreateDirectory(_dataDirectory);
            GiveToServerUser(_dataDirectory);
            await RunAsync("initdb", ["-D", _dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken).ConfigureAwait(false);
        }
        else if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            // A server left running by an earlier run that was killed: stop it so this one starts with our settings.
            await RunAsync("pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], cancellationToken, throwOnError: false).ConfigureAwait(false);
        }

        string[] settings = [$"-p {Port}", "-c listen_addresses=127.0.0.1", $"-k {_dataDirectory}", .. ServerSettings.For(durable, HasStatementStatistics)];
        await RunAsync(
            "pg_ctl", ["-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-o", string.Join(' ', settings), "-w", "-t", "60", "start"],
            cancellationToken, environment: ServerSettings.Environment).ConfigureAwait(false);
        await CreateRolesAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateRolesAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Connection("postgres", "postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole} LOGIN; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS; END IF;
            END $$;
            """, cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await ExecuteAsync(connection, $"CREATE DATABASE {Database} OWNER {OwnerRole}", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    /// <summary>
    /// pg_stat_statements (cost per statement: <c>CREATE EXTENSION pg_stat_statements</c>, then its view) ships with the
    /// server's contrib modules; a server built without them must still start.
    /// </summary>
    private bool HasStatementStatistics => File.Exists(Path.Combine(Path.GetDirectoryName(_binDirectory)!, "lib", "pg_stat_statements.so"));

    private static void GiveToServerUser(string directory)
    {
        if (RunningAsRoot)
        {
            using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
            chown.WaitForExit();
        }
    }

    private async Task RunAsync(
        string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo
        {
            FileName = RunningAsRoot ? "runuser" : Path.Combine(_binDirectory, tool),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (RunningAsRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", Path.Combine(_binDirectory, tool) })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // Read while waiting so a chatty tool cannot block on a full pipe; the text is only wanted for an error.
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (throwOnError && process.ExitCode != 0)
        {
            var log = Path.Combine(_dataDirectory, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(10)) : "";
            throw new InvalidOperationException(
                $"PostgreSQL {tool} failed (exit {process.ExitCode}): {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}\n{tail}");
        }
    }

    private static string FindServerBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (pg_ctl, initdb) not found under /usr/lib/postgresql: run `apt-get install -y postgresql`, " +
            "or point the platform at an existing server with ConnectionStrings__postgres.");
    }
}
