using LiteDB;

namespace WeComHelpBot.Storage.LiteDb;

public static class LiteDatabaseTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction: committed when it returns, rolled back when it throws. In shared
    /// mode the transaction holds the file's mutex, so a read-check-write inside it is atomic across processes too.
    /// When a transaction is already open on this thread, the work joins it and the outer owner commits.
    /// </summary>
    public static T InTransaction<T>(this LiteDatabase database, Func<T> work)
    {
        var started = database.BeginTrans();
        try
        {
            var result = work();
            if (started)
            {
                database.Commit();
            }

            return result;
        }
        catch
        {
            if (started)
            {
                database.Rollback();
            }

            throw;
        }
    }
}
