using System.Security.Cryptography;
using System.Text;

namespace BackOfficeCloud.ServiceDefaults.Security;

/// <summary>
/// API keys are 256 random bits, shown once and stored as their SHA-256: a slow password hash buys nothing for a
/// key with that much entropy and would cost every request.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "bok_";

    public static (string Key, byte[] Hash, string DisplayPrefix) Generate()
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, Hash(key), key[..10]);
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
