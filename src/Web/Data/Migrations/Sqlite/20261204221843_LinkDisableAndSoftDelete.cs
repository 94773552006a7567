using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UrlShortener.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkDisableAndSoftDelete : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "deleted_at",
                table: "urls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "disabled_at",
                table: "urls",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "urls");

            migrationBuilder.DropColumn(
                name: "disabled_at",
                table: "urls");
        }
    }
}
