using Npgsql;

namespace UrlShortener.Workers.Tests.Stores;

/// <summary>
/// A database of its own on the test PostgreSQL (<c>URLSHORTENER_TEST_POSTGRES</c>), with the click schema, dropped
/// afterwards. Used as a class fixture, or created per test where tests change the schema (partitions).
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    private const string Variable = "URLSHORTENER_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name = $"clicks_{Guid.NewGuid():N}";
    private NpgsqlDataSource? _dataSource;

    public PostgresTestDatabase()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. These tests need PostgreSQL 15: run them through scripts/test.sh, or start one with " +
                "eval \"$(scripts/services.sh start)\" (apt package postgresql-15) and run them from that shell.");
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not initialised yet.");

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async ValueTask InitializeAsync()
    {
        await using (var admin = NpgsqlDataSource.Create(_adminConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {_name}"))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        await ClickSchema.CreatePostgresAsync(_dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        await using var admin = NpgsqlDataSource.Create(_adminConnectionString);
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
