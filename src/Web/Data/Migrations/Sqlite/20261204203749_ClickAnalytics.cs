using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UrlShortener.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClickAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "click_events",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    short_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    clicked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    device_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    os = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    browser = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    referrer_host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    is_bot = table.Column<bool>(type: "INTEGER", nullable: false),
                    visitor_hash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    accept_language = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_click_events", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "link_daily_dimensions",
                columns: table => new
                {
                    short_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    clicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_daily_dimensions", x => new { x.short_code, x.day, x.dimension, x.value });
                });

            migrationBuilder.CreateTable(
                name: "link_daily_stats",
                columns: table => new
                {
                    short_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    clicks = table.Column<long>(type: "INTEGER", nullable: false),
                    human_clicks = table.Column<long>(type: "INTEGER", nullable: false),
                    unique_visitors = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_daily_stats", x => new { x.short_code, x.day });
                });

            migrationBuilder.CreateTable(
                name: "link_daily_visitors",
                columns: table => new
                {
                    short_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    visitor_hash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_daily_visitors", x => new { x.short_code, x.day, x.visitor_hash });
                });

            migrationBuilder.CreateIndex(
                name: "ix_click_events_short_code_clicked_at",
                table: "click_events",
                columns: new[] { "short_code", "clicked_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "click_events");

            migrationBuilder.DropTable(
                name: "link_daily_dimensions");

            migrationBuilder.DropTable(
                name: "link_daily_stats");

            migrationBuilder.DropTable(
                name: "link_daily_visitors");
        }
    }
}
