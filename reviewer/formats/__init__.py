"""Report formats: text, JSON, Markdown and SARIF renderings of results (no I/O, no CLI)."""
