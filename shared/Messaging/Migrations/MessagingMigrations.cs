using System.Reflection;

namespace BackOfficeCloud.Messaging.Migrations;

/// <summary>
/// The outbox and inbox tables, created in the service's own schema: pass <see cref="Assembly"/> to
/// <c>AddServiceDatabase(schema, ..., MessagingMigrations.Assembly)</c>.
/// </summary>
public static class MessagingMigrations
{
    public static Assembly Assembly => typeof(MessagingMigrations).Assembly;
}
