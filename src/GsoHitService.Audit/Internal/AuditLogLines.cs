namespace GsoHitService.Audit.Internal;

/// <summary>One line of an audit log file.</summary>
/// <param name="Number">The line number, counted from 1.</param>
/// <param name="Content">The line's bytes without the newline; empty when <see cref="IsTooLong"/>.</param>
/// <param name="IsTerminated">Whether a newline ends the line (false only for a cut-off last line).</param>
/// <param name="IsTooLong">Whether the line is longer than <see cref="AuditRecordCodec.MaxLineBytes"/>.</param>
internal readonly record struct AuditLogLine(long Number, ReadOnlyMemory<byte> Content, bool IsTerminated, bool IsTooLong);

/// <summary>
/// Splits an audit log file into lines without decoding them, so that a line's exact bytes and
/// whether it ends with a newline are known.
/// </summary>
internal static class AuditLogLines
{
    public static IEnumerable<AuditLogLine> Read(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        var tooLong = false;
        long number = 0;
        int read;

        while ((read = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                Append(line, buffer.AsSpan(start, i - start), ref tooLong);
                yield return Complete(++number, line, isTerminated: true, ref tooLong);
                start = i + 1;
            }

            Append(line, buffer.AsSpan(start, read - start), ref tooLong);
        }

        if (line.Length > 0 || tooLong)
        {
            yield return Complete(++number, line, isTerminated: false, ref tooLong);
        }
    }

    private static void Append(MemoryStream line, ReadOnlySpan<byte> bytes, ref bool tooLong)
    {
        if (tooLong)
        {
            return;
        }

        if (line.Length + bytes.Length > AuditRecordCodec.MaxLineBytes)
        {
            // Keep memory bounded: an over-long line is reported, not kept.
            tooLong = true;
            line.SetLength(0);
            return;
        }

        line.Write(bytes);
    }

    private static AuditLogLine Complete(long number, MemoryStream line, bool isTerminated, ref bool tooLong)
    {
        var result = new AuditLogLine(number, line.ToArray(), isTerminated, tooLong);
        line.SetLength(0);
        tooLong = false;
        return result;
    }
}
