using Microsoft.EntityFrameworkCore;

namespace UrlShortener.Web.Features.Analytics;

/// <summary>EF mapping of the analytics tables (the column layout is shared with the workers' SQL).</summary>
public static class AnalyticsConfiguration
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<LinkDailyStat>(stat =>
        {
            stat.ToTable("link_daily_stats");
            stat.HasKey(s => new { s.ShortCode, s.Day });
            stat.Property(s => s.ShortCode).HasColumnName("short_code").HasMaxLength(20);
            stat.Property(s => s.Day).HasColumnName("day");
            stat.Property(s => s.Clicks).HasColumnName("clicks");
            stat.Property(s => s.HumanClicks).HasColumnName("human_clicks");
            stat.Property(s => s.UniqueVisitors).HasColumnName("unique_visitors");
        });

        model.Entity<LinkDailyDimension>(dimension =>
        {
            dimension.ToTable("link_daily_dimensions");
            dimension.HasKey(d => new { d.ShortCode, d.Day, d.Dimension, d.Value });
            dimension.Property(d => d.ShortCode).HasColumnName("short_code").HasMaxLength(20);
            dimension.Property(d => d.Day).HasColumnName("day");
            dimension.Property(d => d.Dimension).HasColumnName("dimension").HasMaxLength(16);
            dimension.Property(d => d.Value).HasColumnName("value").HasMaxLength(160);
            dimension.Property(d => d.Clicks).HasColumnName("clicks");
        });

        model.Entity<LinkDailyVisitor>(visitor =>
        {
            visitor.ToTable("link_daily_visitors");
            visitor.HasKey(v => new { v.ShortCode, v.Day, v.VisitorHash });
            visitor.Property(v => v.ShortCode).HasColumnName("short_code").HasMaxLength(20);
            visitor.Property(v => v.Day).HasColumnName("day");
            visitor.Property(v => v.VisitorHash).HasColumnName("visitor_hash").HasMaxLength(44);
        });

        model.Entity<ClickEventRecord>(click =>
        {
            click.ToTable("click_events");
            click.HasKey(c => c.EventId);
            click.Property(c => c.EventId).HasColumnName("event_id");
            click.Property(c => c.ShortCode).HasColumnName("short_code").HasMaxLength(20);
            click.Property(c => c.ClickedAt).HasColumnName("clicked_at");
            click.Property(c => c.IpAddress).HasColumnName("ip_address").HasMaxLength(45);
            click.Property(c => c.Country).HasColumnName("country").HasMaxLength(64);
            click.Property(c => c.City).HasColumnName("city").HasMaxLength(128);
            click.Property(c => c.DeviceType).HasColumnName("device_type").HasMaxLength(16);
            click.Property(c => c.Os).HasColumnName("os").HasMaxLength(64);
            click.Property(c => c.Browser).HasColumnName("browser").HasMaxLength(64);
            click.Property(c => c.ReferrerHost).HasColumnName("referrer_host").HasMaxLength(255);
            click.Property(c => c.IsBot).HasColumnName("is_bot");
            click.Property(c => c.VisitorHash).HasColumnName("visitor_hash").HasMaxLength(44);
            click.Property(c => c.UserAgent).HasColumnName("user_agent").HasMaxLength(1024);
            click.Property(c => c.AcceptLanguage).HasColumnName("accept_language").HasMaxLength(256);
            click.HasIndex(c => new { c.ShortCode, c.ClickedAt }).HasDatabaseName("ix_click_events_short_code_clicked_at");
        });
    }
}
