using Dapper;
using Microsoft.Data.Sqlite;

namespace Alc.Storage.Rounds;

/// <summary>Writes a round's metrics row, keeping the model mIoU recorded at scoring when the new row has none.</summary>
internal static class MetricsWriter
{
    public static void Upsert(SqliteConnection connection, SqliteTransaction transaction, long roundId, RoundMetricsRow metrics) =>
        connection.Execute(
            """
            INSERT INTO round_metrics (round_id, clicks, bits, seconds, data_miou, model_miou, precision, recall, corrections_json)
            VALUES (@roundId, @Clicks, @Bits, @Seconds, @DataMiou, @ModelMiou, @Precision, @Recall, @CorrectionsJson)
            ON CONFLICT (round_id) DO UPDATE SET clicks = excluded.clicks, bits = excluded.bits, seconds = excluded.seconds,
                data_miou = excluded.data_miou, model_miou = coalesce(excluded.model_miou, round_metrics.model_miou),
                precision = excluded.precision, recall = excluded.recall, corrections_json = excluded.corrections_json;
            """,
            new { roundId, metrics.Clicks, metrics.Bits, metrics.Seconds, metrics.DataMiou, metrics.ModelMiou, metrics.Precision, metrics.Recall, metrics.CorrectionsJson },
            transaction);
}
