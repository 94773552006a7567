namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>
/// Real time plus an offset the test can move forward. Unlike a frozen fake clock, timers inside the host keep
/// running, while the app's notion of "now" (expiry checks) can jump ahead.
/// </summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
