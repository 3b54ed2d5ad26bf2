using BackOfficeCloud.Analytics.Extensions;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ServiceNames.Analytics);
builder.AddAnalytics();

var app = builder.Build();
app.MapServiceDefaults();
app.MapAnalytics();
app.Run();
