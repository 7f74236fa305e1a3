using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GsoHitService.Decisions.Canonical;
using GsoHitService.Decisions.Internal;
using Org.BouncyCastle.Crypto.Generators;

namespace GsoHitService.Decisions.Keys;

/// <summary>
/// Reads and writes password-protected member key files.
/// </summary>
/// <remarks>
/// Format version 1 is a JSON object: <c>format</c> (<c>gso-member-key</c>), <c>version</c> (1),
/// the member's <c>memberId</c>, <c>name</c>, <c>role</c> and base64 <c>publicKey</c> in clear text,
/// <c>kdf</c> (scrypt with <c>n</c>, <c>r</c>, <c>p</c> and a 16-byte <c>salt</c>) and <c>cipher</c>
/// (AES-256-GCM with a 12-byte <c>nonce</c>, the encrypted 32-byte private key as
/// <c>ciphertext</c> and the 16-byte <c>tag</c>). The clear-text fields and the scrypt parameters
/// are the associated data of the encryption, so changing any of them makes decryption fail.
/// Scrypt with N = 2^17, r = 8, p = 1 (128 MiB) follows the OWASP password storage recommendation.
/// The file is created with mode 0600 and refused when group or others have any permission.
/// </remarks>
public static class MemberKeyFile
{
    /// <summary>Version of the key file format that this build writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Shortest password accepted for a new key file, in characters.</summary>
    public const int MinPasswordLength = 12;

    private const string FormatName = "gso-member-key";
    private const string KdfName = "scrypt";
    private const string CipherName = "aes-256-gcm";
    private const int SaltLength = 16;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int WrappingKeyLength = 32;
    private const int MaxFileBytes = 64 * 1024;

    private static readonly byte[] AssociatedDataLabel = "gso-member-key/v1\0"u8.ToArray();

    /// <summary>Scrypt cost of new key files.</summary>
    internal static readonly ScryptParameters DefaultScrypt = new(1 << 17, 8, 1);

    /// <summary>
    /// Writes a key to a new file that only the owner can read.
    /// </summary>
    /// <exception cref="ArgumentException">The password is shorter than <see cref="MinPasswordLength"/>.</exception>
    /// <exception cref="MemberKeyFileException">The file exists already (<see cref="MemberKeyFileError.AlreadyExists"/>).</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, MemberSigningKey key, string password) => Write(path, key, password, DefaultScrypt);

    internal static void Write(string path, MemberSigningKey key, string password, ScryptParameters scrypt)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"A key file password has at least {MinPasswordLength} characters.", nameof(password));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var ciphertext = new byte[Ed25519Signatures.PrivateKeyLength];
        var tag = new byte[TagLength];
        var publicKey = key.PublicKey.ToArray();
        var associatedData = CreateAssociatedData(key.MemberId, key.Name, key.Role, publicKey, scrypt, salt);

        var wrappingKey = DeriveWrappingKey(password, salt, scrypt);
        var privateKey = GC.AllocateArray<byte>(Ed25519Signatures.PrivateKeyLength, pinned: true);
        try
        {
            key.CopyPrivateKeyTo(privateKey);
            using var aes = new AesGcm(wrappingKey, TagLength);
            aes.Encrypt(nonce, privateKey, ciphertext, tag, associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
            CryptographicOperations.ZeroMemory(wrappingKey);
        }

        var json = WriteJson(key, publicKey, scrypt, salt, nonce, ciphertext, tag);
        try
        {
            using var stream = new FileStream(path, OwnerOnlyFile.CreateNewOptions());
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException exception) when (File.Exists(path) && exception is not FileNotFoundException)
        {
            throw new MemberKeyFileException(MemberKeyFileError.AlreadyExists, path, $"The key file {path} exists already; choose another file name. An existing key is never overwritten.", exception);
        }
    }

    /// <summary>
    /// Reads the public part of a key file (member and public key) without the password, for the
    /// roster. The permissions and format are checked as for <see cref="Read"/>.
    /// </summary>
    /// <exception cref="MemberKeyFileException">The file is missing, too widely readable or not a key file.</exception>
    public static CoreTeamMemberOptions ReadRosterEntry(string path)
    {
        var contents = Load(path);
        return new CoreTeamMemberOptions
        {
            Id = contents.MemberId,
            Name = contents.Name,
            Role = contents.Role,
            PublicKey = Convert.ToBase64String(contents.PublicKey),
        };
    }

    /// <summary>Reads and decrypts a key file.</summary>
    /// <exception cref="MemberKeyFileException">The file is missing, too widely readable, not a key file, or the password is wrong.</exception>
    public static MemberSigningKey Read(string path, string password)
    {
        ArgumentNullException.ThrowIfNull(password);

        var contents = Load(path);
        var associatedData = CreateAssociatedData(contents.MemberId, contents.Name, contents.Role, contents.PublicKey, contents.Scrypt, contents.Salt);
        var wrappingKey = DeriveWrappingKey(password, contents.Salt, contents.Scrypt);
        var privateKey = GC.AllocateArray<byte>(Ed25519Signatures.PrivateKeyLength, pinned: true);
        try
        {
            using (var aes = new AesGcm(wrappingKey, TagLength))
            {
                aes.Decrypt(contents.Nonce, contents.Ciphertext, contents.Tag, privateKey, associatedData);
            }

            var key = MemberSigningKey.FromPrivateKey(privateKey, contents.MemberId, contents.Name, contents.Role);
            if (!key.PublicKey.SequenceEqual(contents.PublicKey))
            {
                key.Dispose();
                throw Invalid(path, "its private key does not belong to its public key");
            }

            return key;
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new MemberKeyFileException(MemberKeyFileError.WrongPassword, path, $"The password for {path} is wrong, or the file was changed after it was written.", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
            CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    private static KeyFileContents Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw Invalid(path, $"it is larger than {MaxFileBytes} bytes");
            }

            var wider = OwnerOnlyFile.FindWiderPermissions(path);
            if (wider is not null)
            {
                throw new MemberKeyFileException(MemberKeyFileError.TooWidelyReadable, path, $"The key file {path} is accessible to group or others ({wider}); make it readable by its owner only, for example with 'chmod 600 {path}'.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new MemberKeyFileException(MemberKeyFileError.NotFound, path, $"The key file {path} cannot be read: {exception.Message}", exception);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return KeyFileContents.Parse(document.RootElement, path);
        }
        catch (JsonException exception)
        {
            throw Invalid(path, "it is not valid JSON", exception);
        }
    }

    private static byte[] WriteJson(MemberSigningKey key, byte[] publicKey, ScryptParameters scrypt, byte[] salt, byte[] nonce, byte[] ciphertext, byte[] tag)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("memberId", key.MemberId);
            writer.WriteString("name", key.Name);
            writer.WriteString("role", key.Role.ToString());
            writer.WriteBase64String("publicKey", publicKey);

            writer.WriteStartObject("kdf");
            writer.WriteString("algorithm", KdfName);
            writer.WriteNumber("n", scrypt.N);
            writer.WriteNumber("r", scrypt.R);
            writer.WriteNumber("p", scrypt.P);
            writer.WriteBase64String("salt", salt);
            writer.WriteEndObject();

            writer.WriteStartObject("cipher");
            writer.WriteString("algorithm", CipherName);
            writer.WriteBase64String("nonce", nonce);
            writer.WriteBase64String("ciphertext", ciphertext);
            writer.WriteBase64String("tag", tag);
            writer.WriteEndObject();

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static byte[] DeriveWrappingKey(string password, byte[] salt, ScryptParameters scrypt)
    {
        // NFC, so that the same password typed on another system gives the same bytes.
        var passwordBytes = Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormC));
        try
        {
            return SCrypt.Generate(passwordBytes, salt, scrypt.N, scrypt.R, scrypt.P, WrappingKeyLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    private static byte[] CreateAssociatedData(string memberId, string name, CoreTeamRole role, byte[] publicKey, ScryptParameters scrypt, byte[] salt)
    {
        var writer = new CanonicalWriter();
        writer.WriteBytes(AssociatedDataLabel);
        writer.WriteShortText(memberId, "the member id");
        writer.WriteShortText(name, "the member name");
        writer.WriteByte((byte)role);
        writer.WriteBytes(publicKey);
        writer.WriteUInt32((uint)scrypt.N);
        writer.WriteUInt32((uint)scrypt.R);
        writer.WriteUInt32((uint)scrypt.P);
        writer.WriteBytes(salt);
        return writer.ToArray();
    }

    private static MemberKeyFileException Invalid(string path, string problem, Exception? innerException = null) =>
        new(MemberKeyFileError.InvalidFormat, path, $"The file {path} is not a valid member key file: {problem}. Use the key file that 'gso member new' wrote.", innerException);

    /// <summary>Scrypt cost parameters: CPU/memory cost N (a power of two), block size r, parallelism p.</summary>
    internal sealed record ScryptParameters(int N, int R, int P)
    {
        /// <summary>
        /// Checks the parameters read from a file: weaker than N = 2^14, r = 8 is refused, and so is
        /// a cost that would need more than 1 GiB of memory.
        /// </summary>
        public bool IsAcceptable =>
            N is >= 1 << 14 and <= 1 << 20 && (N & (N - 1)) == 0 && R == 8 && P is >= 1 and <= 4;
    }

    /// <summary>The parsed fields of a key file.</summary>
    private sealed record KeyFileContents(
        string MemberId,
        string Name,
        CoreTeamRole Role,
        byte[] PublicKey,
        ScryptParameters Scrypt,
        byte[] Salt,
        byte[] Nonce,
        byte[] Ciphertext,
        byte[] Tag)
    {
        public static KeyFileContents Parse(JsonElement root, string path)
        {
            var reader = new StrictJsonObject(root, "", problem => Invalid(path, problem));
            if (reader.GetString("format") != FormatName)
            {
                throw Invalid(path, $"its 'format' is not '{FormatName}'");
            }

            var version = reader.GetInt32("version");
            if (version != FormatVersion)
            {
                throw new MemberKeyFileException(MemberKeyFileError.UnsupportedVersion, path, $"The key file {path} has format version {version}; this version of gso reads version {FormatVersion}.");
            }

            var memberId = reader.GetString("memberId");
            var name = reader.GetString("name");
            // Only the role names: Enum.TryParse alone would also take numbers such as "4".
            var roleName = reader.GetString("role");
            if (!Enum.GetNames<CoreTeamRole>().Contains(roleName, StringComparer.Ordinal) || !Enum.TryParse<CoreTeamRole>(roleName, out var role))
            {
                throw Invalid(path, "its 'role' is not a kerngroep role");
            }

            try
            {
                MemberSigningKey.CheckMember(memberId, name, role);
            }
            catch (ArgumentException exception)
            {
                throw Invalid(path, exception.Message.TrimEnd('.'), exception);
            }

            var publicKey = reader.GetBytes("publicKey", Ed25519Signatures.PublicKeyLength);

            var kdf = reader.GetObject("kdf");
            if (kdf.GetString("algorithm") != KdfName)
            {
                throw Invalid(path, $"its key derivation is not '{KdfName}'");
            }

            var scrypt = new ScryptParameters(kdf.GetInt32("n"), kdf.GetInt32("r"), kdf.GetInt32("p"));
            if (!scrypt.IsAcceptable)
            {
                throw Invalid(path, $"its scrypt parameters (n={scrypt.N}, r={scrypt.R}, p={scrypt.P}) are outside the accepted range");
            }

            var salt = kdf.GetBytes("salt", SaltLength);
            kdf.ExpectNoOtherProperties();

            var cipher = reader.GetObject("cipher");
            if (cipher.GetString("algorithm") != CipherName)
            {
                throw Invalid(path, $"its cipher is not '{CipherName}'");
            }

            var nonce = cipher.GetBytes("nonce", NonceLength);
            var ciphertext = cipher.GetBytes("ciphertext", Ed25519Signatures.PrivateKeyLength);
            var tag = cipher.GetBytes("tag", TagLength);
            cipher.ExpectNoOtherProperties();
            reader.ExpectNoOtherProperties();

            return new KeyFileContents(memberId, name, role, publicKey, scrypt, salt, nonce, ciphertext, tag);
        }
    }
}
