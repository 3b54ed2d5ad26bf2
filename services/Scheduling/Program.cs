using BackOfficeCloud.Contracts;
using BackOfficeCloud.Scheduling.Extensions;
using BackOfficeCloud.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ServiceNames.Scheduling);
builder.AddScheduling();

var app = builder.Build();
app.MapServiceDefaults();
app.MapScheduling();
app.Run();
