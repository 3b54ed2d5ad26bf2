namespace BackOfficeCloud.Portal.Clients;

/// <summary>A person signed in to the portal.</summary>
public sealed record PortalUser(string Email, string TenantId, string Role, string DisplayName);
