using System.Collections.Concurrent;

namespace Alc.Storage.Answers;

/// <summary>
/// Group commit for answer batches: one writer thread takes every batch queued while the previous transaction was
/// syncing and stores them together (<see cref="AnswerRepository.CommitGroup"/>), so concurrent submissions share
/// one fsync instead of queueing for one each. A batch's task completes only after its transaction is on disk: a
/// caller that answers 2xx after awaiting it keeps "acknowledged means durable".
/// </summary>
public sealed class AnswerCommitter : IDisposable
{
    /// <summary>Most batches stored in one transaction (bounds one transaction's size and latency).</summary>
    public const int MaxGroup = 256;

    private readonly AnswerRepository _answers;
    private readonly BlockingCollection<Pending> _queue = new();
    private readonly Thread _writer;
    private int _disposed;

    /// <summary>Starts the writer thread.</summary>
    public AnswerCommitter(AnswerRepository answers)
    {
        _answers = answers;
        _writer = new Thread(Write) { IsBackground = true, Name = "alc-answer-commit" };
        _writer.Start();
    }

    /// <summary>Queues <paramref name="batch"/>; the task completes when it is stored and faults with the reason it was not.</summary>
    /// <exception cref="ObjectDisposedException">The committer is shutting down.</exception>
    public Task CommitAsync(AnswerBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var pending = new Pending(batch, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            _queue.Add(pending);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            throw new ObjectDisposedException("The answer committer is shutting down; nothing was stored.", ex);
        }

        return pending.Done.Task;
    }

    /// <summary>Stores what is queued, then stops the writer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.CompleteAdding();
            _writer.Join();
        }
    }

    private void Write()
    {
        var group = new List<Pending>(MaxGroup);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            group.Clear();
            group.Add(first);
            while (group.Count < MaxGroup && _queue.TryTake(out var next))
            {
                group.Add(next);
            }

            try
            {
                var errors = _answers.CommitGroup(group.Select(p => p.Batch).ToList());
                for (int i = 0; i < group.Count; i++)
                {
                    if (errors[i] is { } error)
                    {
                        group[i].Done.SetException(error);
                    }
                    else
                    {
                        group[i].Done.SetResult();
                    }
                }
            }
            catch (Exception ex)
            {
                // The transaction failed as a whole (disk full, I/O error): none of the group is stored.
                foreach (var pending in group)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Pending(AnswerBatch Batch, TaskCompletionSource Done);
}
