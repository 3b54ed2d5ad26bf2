using System.Xml.Linq;
using BackOfficeCloud.ServiceDefaults.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace BackOfficeCloud.Portal.Security;

/// <summary>Keeps the portal's data-protection keys in PostgreSQL, shared by all replicas.</summary>
public sealed class PostgresKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand($"SELECT xml FROM {IdentityStore.Schema}.data_protection_keys ORDER BY created_at");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand(
            $"INSERT INTO {IdentityStore.Schema}.data_protection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
