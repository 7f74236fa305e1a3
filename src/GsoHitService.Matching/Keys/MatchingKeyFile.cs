using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using GsoHitService.Matching.Internal;
using Microsoft.Win32.SafeHandles;

namespace GsoHitService.Matching;

/// <summary>
/// Reads and writes matching-key files. A key file is readable by its owner only. A file with wider
/// permissions or a bad format is rejected with a message that names the file and the fix.
/// </summary>
/// <remarks>
/// Format version 1 is ASCII text, one <c>name: value</c> per line, lines starting with <c>#</c>
/// ignored:
/// <code>
/// format: gso-matching-key/1
/// epoch: 2026-12
/// key: (64 hex digits, the 32 key bytes)
/// check: (16 hex digits, the key check value)
/// </code>
/// The check value (HKDF of the key, see docs/token-scheme.md) detects a damaged or edited key,
/// which would otherwise give tokens that silently never match. The file text is handled in
/// pinned buffers that are zeroed after use, never in strings.
/// </remarks>
public static class MatchingKeyFile
{
    /// <summary>Value of the <c>format</c> line of the version this build reads and writes.</summary>
    public const string FormatId = "gso-matching-key/1";

    // A version 1 file is about 220 bytes, so anything much larger is not a key file.
    private const int MaxFileLength = 4096;

    private const string FormatHelp = "A key file has the lines 'format: gso-matching-key/1', 'epoch: ...', 'key: ...' and 'check: ...'; create one with 'gso keys new --out FILE'.";

    /// <summary>Writes a key to a new file that only the owner can read; never replaces an existing file.</summary>
    /// <exception cref="MatchingKeyFileException">The file exists or cannot be created or written.</exception>
    public static void Write(string path, MatchingKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(key);

        var text = GC.AllocateArray<byte>(MaxFileLength, pinned: true);
        try
        {
            var length = Format(key, text);
            using var stream = Create(path);
            try
            {
                stream.Write(text, 0, length);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException exception)
            {
                throw new MatchingKeyFileException(path, MatchingKeyFileProblem.WriteFailed,
                    $"Writing the matching-key file '{path}' failed: {exception.Message} Delete the partial file and run the command again.", exception);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    /// <summary>Reads a key file after checking its permissions and format.</summary>
    /// <exception cref="MatchingKeyFileException">The file is missing, too widely readable or malformed.</exception>
    public static MatchingKey Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        using var handle = Open(path);

        // Permissions are checked on the open handle, so the file cannot be swapped in between.
        var accessByOthers = KeyFileAccess.DescribeAccessByOthers(handle, path);
        if (accessByOthers is not null)
        {
            var fix = OperatingSystem.IsWindows()
                ? "Remove every other account from the file's permissions"
                : $"Run 'chmod 600 {path}'";
            throw new MatchingKeyFileException(path, MatchingKeyFileProblem.AccessTooWide,
                $"The matching-key file '{path}' is accessible to other accounts ({accessByOthers}), so the key may have leaked. {fix}, and rotate to a new key if others may have read it.");
        }

        var text = GC.AllocateArray<byte>(MaxFileLength + 1, pinned: true);
        try
        {
            var length = ReadAll(handle, path, text);
            if (length > MaxFileLength)
            {
                throw InvalidFormat(path, $"it is larger than {MaxFileLength} bytes");
            }

            return Parse(path, text.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    private static FileStream Create(string path)
    {
        try
        {
            return KeyFileAccess.CreateOwnerOnly(path);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            throw new MatchingKeyFileException(path, MatchingKeyFileProblem.AlreadyExists,
                $"The matching-key file '{path}' already exists and is never overwritten. Choose another path, or move the old file away once no installation needs its key.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MatchingKeyFileException(path, MatchingKeyFileProblem.WriteFailed,
                $"Creating the matching-key file '{path}' failed: {exception.Message} Check that the folder exists and that this account may write there.", exception);
        }
    }

    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MatchingKeyFileException(path, MatchingKeyFileProblem.NotFound,
                $"The matching-key file '{path}' does not exist. Check the path, or create a key with 'gso keys new --out {path}'.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MatchingKeyFileException(path, MatchingKeyFileProblem.ReadFailed,
                $"The matching-key file '{path}' cannot be read: {exception.Message} Run the program under the account that owns the file.", exception);
        }
    }

    private static int ReadAll(SafeFileHandle handle, string path, byte[] buffer)
    {
        try
        {
            var total = 0;
            int read;
            while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0)
            {
                total += read;
            }

            return total;
        }
        catch (IOException exception)
        {
            throw new MatchingKeyFileException(path, MatchingKeyFileProblem.ReadFailed,
                $"Reading the matching-key file '{path}' failed: {exception.Message}", exception);
        }
    }

    private static int Format(MatchingKey key, Span<byte> destination)
    {
        var writer = new SpanWriter(destination);
        writer.Append("# GSO Hit Service matching key. Secret: keep this file readable by its owner only.\n"u8);
        writer.Append("format: "u8);
        writer.AppendAscii(FormatId);
        writer.Append("\nepoch: "u8);
        writer.AppendAscii(key.EpochId);
        writer.Append("\nkey: "u8);
        writer.AppendHex(key.GetKeyBytes());
        writer.Append("\ncheck: "u8);
        writer.AppendHex(key.ComputeCheckValue());
        writer.Append("\n"u8);
        return writer.Length;
    }

    private static MatchingKey Parse(string path, ReadOnlySpan<byte> text)
    {
        if (!Ascii.IsValid(text))
        {
            throw InvalidFormat(path, "it contains characters outside ASCII");
        }

        var fields = new KeyFileFields();
        var lineNumber = 0;
        foreach (var range in text.Split((byte)'\n'))
        {
            lineNumber++;
            var line = text[range];
            line = line[Ascii.Trim(line)];
            if (line.IsEmpty || line[0] == (byte)'#')
            {
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                throw InvalidFormat(path, $"line {lineNumber} is not of the form 'name: value'");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..];
            value = value[Ascii.Trim(value)];
            if (!fields.TrySet(name, value, out var problem))
            {
                throw InvalidFormat(path, $"line {lineNumber} {problem}");
            }
        }

        return fields.ToKey(path);
    }

    private static MatchingKeyFileException InvalidFormat(string path, string reason) =>
        new(path, MatchingKeyFileProblem.InvalidFormat, $"The matching-key file '{path}' is not a valid key file: {reason}. {FormatHelp}");

    // The four fields of a version 1 file, as slices of the pinned file text.
    private ref struct KeyFileFields
    {
        private ReadOnlySpan<byte> _format;
        private ReadOnlySpan<byte> _epoch;
        private ReadOnlySpan<byte> _key;
        private ReadOnlySpan<byte> _check;
        private bool _hasFormat;
        private bool _hasEpoch;
        private bool _hasKey;
        private bool _hasCheck;

        // The problem text names the field but never its value, because the value may be key material.
        public bool TrySet(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, out string? problem)
        {
            ref var target = ref _format;
            ref var seen = ref _hasFormat;
            if (name.SequenceEqual("epoch"u8))
            {
                target = ref _epoch;
                seen = ref _hasEpoch;
            }
            else if (name.SequenceEqual("key"u8))
            {
                target = ref _key;
                seen = ref _hasKey;
            }
            else if (name.SequenceEqual("check"u8))
            {
                target = ref _check;
                seen = ref _hasCheck;
            }
            else if (!name.SequenceEqual("format"u8))
            {
                problem = "has an unknown field name (expected format, epoch, key or check)";
                return false;
            }

            if (seen)
            {
                problem = $"repeats the field '{Encoding.ASCII.GetString(name)}'";
                return false;
            }

            target = value;
            seen = true;
            problem = null;
            return true;
        }

        public readonly MatchingKey ToKey(string path)
        {
            if (!_hasFormat)
            {
                throw InvalidFormat(path, "the 'format' line is missing");
            }

            if (!_format.SequenceEqual(Encoding.ASCII.GetBytes(FormatId)))
            {
                throw new MatchingKeyFileException(path, MatchingKeyFileProblem.InvalidFormat,
                    $"The matching-key file '{path}' has format '{Encoding.ASCII.GetString(_format)}', but this version of GSO Hit Service reads only '{FormatId}'. Use the gso version that created the file, or create a new key.");
            }

            if (!_hasEpoch || !_hasKey || !_hasCheck)
            {
                throw InvalidFormat(path, $"the '{(!_hasEpoch ? "epoch" : !_hasKey ? "key" : "check")}' line is missing");
            }

            var epochId = Encoding.ASCII.GetString(_epoch);
            if (!MatchingKey.IsValidEpochId(epochId))
            {
                throw InvalidFormat(path, $"the epoch id '{epochId}' is not valid (1 to {MatchingKey.MaxEpochIdLength} letters, digits, dots, dashes or underscores)");
            }

            Span<byte> keyBytes = stackalloc byte[MatchingKey.KeyLength];
            Span<byte> storedCheck = stackalloc byte[TokenKeyDerivation.CheckValueLength];
            try
            {
                if (!TryDecodeHex(_key, keyBytes))
                {
                    throw InvalidFormat(path, $"the key is not {2 * MatchingKey.KeyLength} hexadecimal digits");
                }

                if (!TryDecodeHex(_check, storedCheck))
                {
                    throw InvalidFormat(path, $"the check value is not {2 * TokenKeyDerivation.CheckValueLength} hexadecimal digits");
                }

                var key = MatchingKey.Import(epochId, keyBytes);
                if (!CryptographicOperations.FixedTimeEquals(key.ComputeCheckValue(), storedCheck))
                {
                    key.Dispose();
                    throw new MatchingKeyFileException(path, MatchingKeyFileProblem.CheckValueMismatch,
                        $"The key in the matching-key file '{path}' does not match the file's check value, so the file is damaged or was edited. Restore the file from the backup kept when the key was created.");
                }

                return key;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(keyBytes);
            }
        }

        private static bool TryDecodeHex(ReadOnlySpan<byte> hex, Span<byte> destination) =>
            hex.Length == 2 * destination.Length &&
            Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done &&
            written == destination.Length;
    }

    // Appends UTF-8 text to a fixed buffer without creating strings of the secret parts.
    private ref struct SpanWriter(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Length { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_destination[Length..]);
            Length += bytes.Length;
        }

        public void AppendAscii(string text) => Length += Encoding.ASCII.GetBytes(text, _destination[Length..]);

        public void AppendHex(ReadOnlySpan<byte> bytes)
        {
            if (!Convert.TryToHexStringLower(bytes, _destination[Length..], out var written))
            {
                throw new InvalidOperationException("The key-file buffer is too small.");
            }

            Length += written;
        }
    }
}
