"""The portal's test suite."""
