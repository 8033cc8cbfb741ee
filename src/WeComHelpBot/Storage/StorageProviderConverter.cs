using System.ComponentModel;
using System.Globalization;

namespace WeComHelpBot.Storage;

/// <summary>
/// Reads <c>Storage:Provider</c> by name only. The configuration binder would otherwise take any number ("7") as a
/// provider, and its own error for a misspelt name ("postgre") is an English stack trace; through this converter both
/// the server's binding and the CLI's environment variable get the same zh-CN line (<see cref="StorageSettingsException"/>).
/// </summary>
public sealed class StorageProviderConverter : EnumConverter
{
    public StorageProviderConverter()
        : base(typeof(StorageProvider))
    {
    }

    /// <summary>
    /// The provider <paramref name="text"/> names (case and surrounding spaces ignored; empty is the default, LiteDb, as
    /// an unset variable is), else <see cref="StorageSettingsException"/>.
    /// </summary>
    public static StorageProvider Parse(string? text)
    {
        var name = text?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            return StorageProvider.LiteDb;
        }

        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            if (string.Equals(provider.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new StorageSettingsException(
            $"存储设置 Storage:Provider（环境变量 Storage__Provider）的值“{name}”无效：可选值为 {string.Join("、", Enum.GetNames<StorageProvider>())}（不区分大小写）。");
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Parse(text) : base.ConvertFrom(context, culture, value);
}
