using Alc.Engine.Server.Jobs;

namespace Alc.Engine.Server.Tests;

/// <summary>The in-process cancel registry, including the window between the runner claiming a job and registering it.</summary>
public sealed class JobCancellationsTests
{
    [Fact]
    public void A_cancel_that_arrives_before_the_job_registers_cancels_it_at_registration()
    {
        var cancellations = new JobCancellations();
        cancellations.Cancel(7);
        using var source = cancellations.Register(7, CancellationToken.None);
        Assert.True(source.IsCancellationRequested);
        using var other = cancellations.Register(8, CancellationToken.None);
        Assert.False(other.IsCancellationRequested);
    }

    [Fact]
    public void A_cancel_reaches_a_registered_job_and_is_not_kept_for_a_later_run_of_the_same_id()
    {
        var cancellations = new JobCancellations();
        var first = cancellations.Register(3, CancellationToken.None);
        cancellations.Cancel(3);
        Assert.True(first.IsCancellationRequested);
        cancellations.Unregister(3);
        using var again = cancellations.Register(3, CancellationToken.None);
        Assert.False(again.IsCancellationRequested);
    }

    [Fact]
    public void A_cancel_after_the_job_finished_is_dropped_at_unregistration()
    {
        var cancellations = new JobCancellations();
        cancellations.Register(5, CancellationToken.None);
        cancellations.Unregister(5);
        cancellations.Cancel(5);
        cancellations.Unregister(5);
        using var later = cancellations.Register(5, CancellationToken.None);
        Assert.False(later.IsCancellationRequested);
    }
}
