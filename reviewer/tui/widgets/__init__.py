"""Widgets of the reviewer UI, grouped by screen region."""
