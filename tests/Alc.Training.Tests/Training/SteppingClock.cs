namespace Alc.Training.Tests.Training;

/// <summary>A clock that advances a fixed 10 ms every time it is read, so ETAs are exact.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => _ticks += 10;
}
