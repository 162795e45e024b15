"""The headless command line. Nothing under `reviewer.cli` imports Textual at module level."""
