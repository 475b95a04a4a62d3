"""conventions layer."""
