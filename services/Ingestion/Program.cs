using BackOfficeCloud.Contracts;
using BackOfficeCloud.Ingestion.Extensions;
using BackOfficeCloud.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ServiceNames.Ingestion);
builder.AddIngestion();

var app = builder.Build();
app.MapServiceDefaults();
app.MapIngestion();
app.Run();
