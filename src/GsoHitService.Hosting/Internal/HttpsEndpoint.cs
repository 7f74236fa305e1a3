using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace GsoHitService.Hosting.Internal;

/// <summary>
/// One configured listening endpoint, <c>https://HOST:PORT</c>.
/// </summary>
/// <param name="Url">The URL as configured.</param>
/// <param name="Address">The IP address, or null for <c>localhost</c> and <c>*</c>.</param>
/// <param name="IsLocalhost">Whether HOST is <c>localhost</c> (both loopback addresses).</param>
/// <param name="Port">The TCP port; 0 picks a free port.</param>
internal sealed record HttpsEndpoint(string Url, IPAddress? Address, bool IsLocalhost, int Port)
{
    /// <summary>
    /// Parses an endpoint URL, or returns false with the reason it is not accepted.
    /// </summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out HttpsEndpoint? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = "is empty";
            return false;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"'{trimmed}' is a plaintext (http://) endpoint; only https:// endpoints are allowed";
            return false;
        }

        if (!trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"'{trimmed}' is not an https://HOST:PORT URL";
            return false;
        }

        // Uri cannot parse "*" as a host, so the wildcard is handled before it.
        var authority = trimmed["https://".Length..].TrimEnd('/');
        if (authority.StartsWith("*:", StringComparison.Ordinal) || authority.StartsWith("+:", StringComparison.Ordinal))
        {
            return TryCreate(trimmed, null, isLocalhost: false, authority[2..], out endpoint, out problem);
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment))
        {
            problem = $"'{trimmed}' is not an https://HOST:PORT URL without a path";
            return false;
        }

        var portText = authority[(authority.LastIndexOf(':') + 1)..];
        if (!authority.Contains(':', StringComparison.Ordinal) || authority.EndsWith(']'))
        {
            problem = $"'{trimmed}' has no port; write https://HOST:PORT";
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return TryCreate(trimmed, null, isLocalhost: true, portText, out endpoint, out problem);
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return TryCreate(trimmed, address, isLocalhost: false, portText, out endpoint, out problem);
        }

        problem = $"'{trimmed}' names the host '{uri.Host}'; use an IP address, localhost or * (all addresses)";
        return false;
    }

    private static bool TryCreate(
        string url, IPAddress? address, bool isLocalhost, string portText,
        [NotNullWhen(true)] out HttpsEndpoint? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            problem = $"'{url}' has an invalid port '{portText}' (0 to 65535)";
            return false;
        }

        if (isLocalhost && port == 0)
        {
            problem = $"'{url}': port 0 cannot be used with localhost; use 127.0.0.1";
            return false;
        }

        endpoint = new HttpsEndpoint(url, address, isLocalhost, port);
        problem = null;
        return true;
    }
}
