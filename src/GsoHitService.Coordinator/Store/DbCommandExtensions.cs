using System.Data.Common;

namespace GsoHitService.Coordinator.Store;

/// <summary>Small helpers that keep the provider-neutral SQL code short.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Adds a named parameter (<c>@name</c> in the SQL text); null becomes SQL NULL.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static byte[] GetBytes(this DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
}
