using System.Globalization;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Runs Recognizers.Text under a lock and the invariant culture. Bot Builder sets the thread's culture from the
/// activity's locale, and under zh-CN the Chinese number models stop reading Chinese numerals ("一百二十" → nothing);
/// their lazily built internals are not safe for concurrent first use either.
/// </summary>
internal static class RecognizerGate
{
    private static readonly Lock Gate = new();

    public static T Run<T>(Func<T> recognize)
    {
        lock (Gate)
        {
            var culture = CultureInfo.CurrentCulture;
            var uiCulture = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                return recognize();
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
            }
        }
    }
}
