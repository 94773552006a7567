using Npgsql;
using UrlShortener.Workers.Infrastructure.Postgres;

namespace UrlShortener.Workers.Tests.Stores;

public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void Fills_in_auto_prepare_and_no_reset_when_the_string_is_silent()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Tune("Host=db;Username=app;Database=shortly"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("shortly", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;noresetonclose=false")]
    public void Keeps_what_the_operator_wrote(string configured)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Tune(configured));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
