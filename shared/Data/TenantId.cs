using System.Text.RegularExpressions;

namespace BackOfficeCloud.Data;

/// <summary>A tenant's id: lower-case letters, digits and dashes, as used in keys, topics and row-level security.</summary>
public static partial class TenantId
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static string Ensure(string? value) => IsValid(value)
        ? value!
        : throw new ArgumentException(
            $"Tenant id '{value}' is not valid: use 1–63 lower-case letters, digits or dashes, starting with a letter or digit.",
            nameof(value));
}
