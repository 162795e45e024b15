"""Screens and modal dialogs of the reviewer UI."""
