using BackOfficeCloud.Contracts;
using BackOfficeCloud.Blending.Extensions;
using BackOfficeCloud.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ServiceNames.Blending);
builder.AddBlending();

var app = builder.Build();
app.MapServiceDefaults();
app.MapBlending();
app.Run();
