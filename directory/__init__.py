"""The directory of help: organisations, services and the taxonomy that sorts them."""
