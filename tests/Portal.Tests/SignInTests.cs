using System.Net.Http.Json;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.EndToEnd.Tests;
using BackOfficeCloud.TestKit;
using Microsoft.Playwright;

namespace BackOfficeCloud.Portal.Tests;

[Collection(PortalCollection.Name)]
public class SignInTests(PlatformFixture platform, BrowserFixture browser)
{
    private Uri Portal => platform.Platform.Service(ServiceNames.Portal).HttpUrl;

    [Fact]
    public async Task A_planner_signs_in_and_sees_their_tenants_interaction_count()
    {
        var tenant = UniqueTenant.Next("web");
        await platform.AddUserAsync(tenant, $"planner@{tenant}.test", "correct horse battery");
        await IngestAsync(tenant, 4);

        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(Portal.ToString());
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await page.GetByLabel("E-mail").FillAsync($"planner@{tenant}.test");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(tenant);
        await Assertions.Expect(page.GetByTestId("interaction-count")).ToHaveTextAsync("4");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "portal-overview.png") });
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var tenant = UniqueTenant.Next("web");
        await platform.AddUserAsync(tenant, $"viewer@{tenant}.test", "right password");

        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Portal, "/signin").ToString());
        await page.GetByLabel("E-mail").FillAsync($"viewer@{tenant}.test");
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>Ingests interactions through the public API and waits until Analytics has counted them.</summary>
    private async Task IngestAsync(string tenant, int count)
    {
        var key = await platform.NewApiKeyAsync(tenant);
        using var ingestion = platform.Rest(ServiceNames.Ingestion, key);
        using var response = await ingestion.PostAsJsonAsync("/v1/interactions:batch", new
        {
            interactions = Enumerable.Range(1, count).Select(i => new { sourceId = $"c{i}", channel = "CHANNEL_CHAT", queue = "web", arrivedAt = "2026-11-20T10:00:00Z" }),
        });
        response.EnsureSuccessStatusCode();

        using var analytics = platform.Rest(ServiceNames.Analytics, key);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var reply = await analytics.GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/analytics/interaction-count");
            if (reply.GetProperty("count").ToString() == count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Analytics did not count {count} interactions for {tenant} within 30 s.");
    }
}
