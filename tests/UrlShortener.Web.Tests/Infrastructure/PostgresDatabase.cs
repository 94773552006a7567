using Npgsql;

namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>A database of its own for one fixture on the shared test cluster, dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = TestServices.PostgresAdmin;
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 };
        return new PostgresDatabase(admin, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
