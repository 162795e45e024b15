"""Reviewing an upgrade: the change set between two lockfiles and the signals of each change."""
