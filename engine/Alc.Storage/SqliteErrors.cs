using Microsoft.Data.Sqlite;

namespace Alc.Storage;

/// <summary>Recognises SQLite's constraint failures.</summary>
internal static class SqliteErrors
{
    private const int Constraint = 19;
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    /// <summary>Whether <paramref name="exception"/> is a UNIQUE or PRIMARY KEY violation.</summary>
    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == Constraint && exception.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;
}
