using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UrlShortener.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClickAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Raw events, partitioned by month (EF cannot express partitioning). The key includes the partition
            // column, as PostgreSQL requires; an event's time never changes, so the event id alone still dedups.
            // Monthly partitions are created ahead of time by the workers; the default partition catches the rest.
            migrationBuilder.Sql("""
                CREATE TABLE click_events (
                    event_id uuid NOT NULL,
                    short_code varchar(20) NOT NULL,
                    clicked_at timestamptz NOT NULL,
                    ip_address varchar(45),
                    country varchar(64) NOT NULL,
                    city varchar(128) NOT NULL,
                    device_type varchar(16) NOT NULL,
                    os varchar(64) NOT NULL,
                    browser varchar(64) NOT NULL,
                    referrer_host varchar(255),
                    is_bot boolean NOT NULL,
                    visitor_hash varchar(44) NOT NULL,
                    user_agent varchar(1024),
                    accept_language varchar(256),
                    PRIMARY KEY (event_id, clicked_at)
                ) PARTITION BY RANGE (clicked_at);
                CREATE INDEX ix_click_events_short_code_clicked_at ON click_events (short_code, clicked_at);
                CREATE TABLE click_events_default PARTITION OF click_events DEFAULT;
                """);

            migrationBuilder.CreateTable(
                name: "link_daily_dimensions",
                columns: table => new
                {
                    short_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    clicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_daily_dimensions", x => new { x.short_code, x.day, x.dimension, x.value });
                });

            migrationBuilder.CreateTable(
                name: "link_daily_stats",
                columns: table => new
                {
                    short_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    clicks = table.Column<long>(type: "bigint", nullable: false),
                    human_clicks = table.Column<long>(type: "bigint", nullable: false),
                    unique_visitors = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_daily_stats", x => new { x.short_code, x.day });
                });

            migrationBuilder.CreateTable(
                name: "link_daily_visitors",
                columns: table => new
                {
                    short_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    visitor_hash = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_daily_visitors", x => new { x.short_code, x.day, x.visitor_hash });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS click_events;");

            migrationBuilder.DropTable(
                name: "link_daily_dimensions");

            migrationBuilder.DropTable(
                name: "link_daily_stats");

            migrationBuilder.DropTable(
                name: "link_daily_visitors");
        }
    }
}
