using BackOfficeCloud.Contracts;
using BackOfficeCloud.EndToEnd.Tests;
using BackOfficeCloud.TestKit;
using Microsoft.Playwright;

namespace BackOfficeCloud.Portal.Tests;

[Collection(PortalCollection.Name)]
public class WhatIfTests(PlatformFixture platform, BrowserFixture browser)
{
    private Uri Portal => platform.Platform.Service(ServiceNames.Portal).HttpUrl;

    [Fact]
    public async Task A_planner_runs_a_what_if_on_their_schedule_and_sees_KPIs_blended_and_silo_and_a_chart()
    {
        var tenant = UniqueTenant.Next("whatif");
        await ScheduledTenant.CreateAsync(platform, tenant);
        var page = await SignedInAsync(tenant);

        await page.GetByRole(AriaRole.Link, new() { Name = "What-if" }).ClickAsync();
        await page.GetByLabel("Volume change (%)").FillAsync("20");
        await page.GetByLabel("Absent employees").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        var kpis = page.GetByTestId("kpis");
        await Assertions.Expect(kpis).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(kpis.Locator("thead")).ToContainTextAsync("threshold");
        await Assertions.Expect(kpis.Locator("thead")).ToContainTextAsync("silo");
        await Assertions.Expect(page.GetByTestId("service-level").First).ToContainTextAsync("%");
        await Assertions.Expect(page.GetByTestId("whatif-result")).ToContainTextAsync("Absent employees: 1");
        var chart = page.GetByTestId("service-level-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        var lines = await chart.EvaluateAsync<int>("canvas => Chart.getChart(canvas).data.datasets.length");
        Assert.Equal(3, lines);
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 50 }, "the chart canvas has no size");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "portal-what-if.png"), FullPage = true });
    }

    [Fact]
    public async Task Without_a_schedule_the_page_says_so()
    {
        var page = await SignedInAsync(UniqueTenant.Next("whatif"));

        await page.GotoAsync(new Uri(Portal, "/what-if").ToString());

        await Assertions.Expect(page.GetByTestId("no-schedule")).ToContainTextAsync("No schedule yet");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Run" }).CountAsync());
    }

    private async Task<IPage> SignedInAsync(string tenant)
    {
        await platform.AddUserAsync(tenant, $"planner@{tenant}.test", "correct horse battery");
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Portal, "/signin").ToString());
        await page.GetByLabel("E-mail").FillAsync($"planner@{tenant}.test");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(tenant);
        return page;
    }
}
