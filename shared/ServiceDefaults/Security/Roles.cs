namespace BackOfficeCloud.ServiceDefaults.Security;

/// <summary>What a caller may do. Agents only receive their desktop stream; viewers only read.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Planner = "planner";
    public const string Agent = "agent";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Planner, Agent, Viewer];

    /// <summary>For [Authorize(Roles = ...)] on RPCs that change data.</summary>
    public const string Writers = Admin + "," + Planner;

    /// <summary>For [Authorize(Roles = ...)] on RPCs that read tenant data.</summary>
    public const string Readers = Admin + "," + Planner + "," + Viewer;
}
