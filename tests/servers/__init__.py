"""Real external servers (not fakes) that the test suite starts on demand."""
