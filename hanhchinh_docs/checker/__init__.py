"""checker layer."""
