// Every engine host trains with TorchSharp, whose generator is process-wide, and the machine has two cores: one host at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
