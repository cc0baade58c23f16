// TorchSharp's module initialisation and torch.manual_seed share one process-wide generator: a test that seeds
// it while another builds a model breaks both tests' determinism checks, so this assembly runs its tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
