"""The portal's search layer: one interface, a database backend and Elasticsearch."""
