using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UrlShortener.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "short_code_blocks",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    next_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_short_code_blocks", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "urls",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    short_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    long_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    user_id = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    is_custom = table.Column<bool>(type: "INTEGER", nullable: false),
                    click_count = table.Column<long>(type: "INTEGER", nullable: false),
                    redirect_type = table.Column<short>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_urls", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "short_code_blocks",
                columns: new[] { "name", "next_id" },
                values: new object[] { "default", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_urls_expires_at",
                table: "urls",
                column: "expires_at",
                filter: "expires_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_urls_user_id_created_at",
                table: "urls",
                columns: new[] { "user_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ux_urls_short_code",
                table: "urls",
                column: "short_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "short_code_blocks");

            migrationBuilder.DropTable(
                name: "urls");
        }
    }
}
