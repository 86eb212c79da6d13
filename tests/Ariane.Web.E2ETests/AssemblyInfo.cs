// One browser test class at a time: each starts its own app and Chromium, and CI runs this project next to the
// integration tests on a small machine; classes in parallel made the first sign-in wait past its timeout.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
