"""The Textual terminal UI. The only package of reviewer that imports textual or rich."""
