using Npgsql;
using Workflow.Application;

namespace Workflow.Tests.Persistence;

/// <summary>What the application adds to a connection string, and that a setting written in it wins.</summary>
public class ConnectionDefaultsTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_and_no_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContextOptions.Tuned("Host=db;Username=workflow;Database=workflow"));

        tuned.MaxAutoPrepare.ShouldBe(100);
        tuned.NoResetOnClose.ShouldBeTrue();
        tuned.Host.ShouldBe("db");
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false")]
    public void Settings_written_in_the_connection_string_are_kept(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContextOptions.Tuned(connectionString));

        tuned.MaxAutoPrepare.ShouldBe(0);
        tuned.NoResetOnClose.ShouldBeFalse();
    }
}
