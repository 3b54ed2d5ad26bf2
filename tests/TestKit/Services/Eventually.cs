namespace BackOfficeCloud.TestKit.Services;

/// <summary>Bounded polling for effects that arrive through the event bus.</summary>
public static class Eventually
{
    /// <summary>Polls until <paramref name="done"/> holds or the timeout (default 60 s) passes; answers the last check.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await done();
    }
}
