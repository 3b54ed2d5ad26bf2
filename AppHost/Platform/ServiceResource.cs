namespace BackOfficeCloud.AppHost.Platform;

/// <summary>One service process: its kebab-case name, its project folder under the repository and its two ports.</summary>
public sealed record ServiceResource(string Name, string ProjectFolder, int HttpPort, int GrpcPort)
{
    public string AssemblyName => $"BackOfficeCloud.{Path.GetFileName(ProjectFolder)}";

    public Uri HttpUrl => new($"http://127.0.0.1:{HttpPort}");

    public Uri GrpcUrl => new($"http://127.0.0.1:{GrpcPort}");
}
