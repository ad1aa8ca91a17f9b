"""The portal's own example directory (example data, placeholders only)."""
