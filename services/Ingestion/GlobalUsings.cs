global using BackOfficeCloud.Contracts.Ingestion.V1;
global using BackOfficeCloud.Ingestion.Storage;
global using BackOfficeCloud.Ingestion.Validation;
global using BackOfficeCloud.Messaging.Publishing;
global using Npgsql;
