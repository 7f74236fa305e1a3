using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace GsoHitService.Coordinator.Store.Migrations;

/// <summary>
/// Loads the migration scripts of one provider from the assembly's embedded resources, named
/// <c>migrations/{Provider}/{version:0000}_{name}.sql</c>.
/// </summary>
internal static class MigrationCatalog
{
    private const string ResourcePrefix = "migrations/";

    /// <summary>Loads the scripts of a provider in version order.</summary>
    /// <exception cref="InvalidOperationException">A script name is malformed or versions have gaps; a build defect.</exception>
    public static IReadOnlyList<Migration> Load(StoreProvider provider)
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var prefix = $"{ResourcePrefix}{provider}/";

        var migrations = assembly.GetManifestResourceNames()
            .Select(name => name.Replace('\\', '/'))
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, prefix, name))
            .OrderBy(migration => migration.Version)
            .ToArray();

        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"The {provider} migrations must be numbered 1, 2, 3, … without gaps, but number {i + 1} is " +
                    $"followed by {migrations[i].Version}.");
            }
        }

        if (migrations.Length == 0)
        {
            throw new InvalidOperationException($"The assembly contains no {provider} migrations under '{prefix}'.");
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string prefix, string resourceName)
    {
        var fileName = resourceName[prefix.Length..];
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (!fileName.EndsWith(".sql", StringComparison.Ordinal) ||
            separator <= 0 ||
            !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException(
                $"The migration resource '{resourceName}' is not named '{{version}}_{{name}}.sql'.");
        }

        // The resource name may use '\' on Windows builds, so it is looked up as the assembly lists it.
        var listedName = assembly.GetManifestResourceNames().Single(name => name.Replace('\\', '/') == resourceName);
        using var stream = assembly.GetManifestResourceStream(listedName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // Normalised so that a checkout with CRLF line endings yields the same checksum.
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        var name = fileName[(separator + 1)..^".sql".Length];

        return new Migration(version, name, sql, checksum);
    }
}
