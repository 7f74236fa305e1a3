namespace GsoHitService.Hosting.Internal;

/// <summary>
/// A setting whose value cannot be used. <see cref="Setting"/> is the configuration key, for
/// example <c>Server:Certificate:Path</c>, so the caller can name the file that sets it.
/// </summary>
internal sealed class InvalidSettingException(string setting, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Setting { get; } = setting;
}
