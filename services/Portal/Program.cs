using BackOfficeCloud.Contracts;
using BackOfficeCloud.Portal.Extensions;
using BackOfficeCloud.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ServiceNames.Portal);
builder.AddPortal();

var app = builder.Build();
app.MapServiceDefaults();
app.MapPortal();
app.Run();
