namespace BackOfficeCloud.AppHost.Platform;

/// <summary>The demo tenant a local platform starts with. For this machine only: never deploy these.</summary>
public static class DevDefaults
{
    public const string Tenant = "demo";
    public const string Email = "admin@demo.local";
    public const string Password = "demo-password";
    public const string ApiKey = "bok_local_demo_key_for_development_only";
}
