using BackOfficeCloud.Contracts;
using BackOfficeCloud.Forecasting.Extensions;
using BackOfficeCloud.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ServiceNames.Forecasting);
builder.AddForecasting();

var app = builder.Build();
app.MapServiceDefaults();
app.MapForecasting();
app.Run();
