"""Lockfile parsers: each format module has `parse(path, text) -> Graph`."""

from reviewer.lockfiles.detect import FORMATS, detect_lockfile, load_graph

__all__ = ["FORMATS", "detect_lockfile", "load_graph"]
