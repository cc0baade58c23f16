using Microsoft.Data.Sqlite;

namespace Alc.Storage;

/// <summary>
/// One write transaction that several repositories take part in (the connection and transaction they pass to their
/// SQL), so a change that spans tables — an answer batch that also closes its round, a round started with its job —
/// commits whole or not at all. Disposing without <see cref="Commit"/> rolls back.
/// </summary>
public sealed class UnitOfWork : IDisposable
{
    private UnitOfWork(SqliteConnection connection)
    {
        Connection = connection;
        Transaction = connection.BeginTransaction();
    }

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The write transaction (BEGIN IMMEDIATE, as the database opens it).</summary>
    public SqliteTransaction Transaction { get; }

    /// <summary>Opens a connection to <paramref name="database"/> and begins the transaction.</summary>
    public static UnitOfWork Begin(EngineDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new UnitOfWork(database.Open());
    }

    /// <summary>Commits every repository's changes.</summary>
    public void Commit() => Transaction.Commit();

    /// <inheritdoc />
    public void Dispose()
    {
        Transaction.Dispose();
        Connection.Dispose();
    }
}
