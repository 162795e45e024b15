"""The application core shared by the CLI, the terminal UI and the demo.

- `ProjectOptions`: what a command asks of a project (the CLI builds it from `argparse`).
- `Project.open(options)`: the graph, policy, imported advisories, registry configuration
  and review settings of a project, built once.
- `ReviewService`: every signal for many packages (bounded, observed, advisories asked
  once, results cached per package).
- `ReviewSession` (`reviewer.app.session`): the terminal UI's state as a typed model.
"""

from reviewer.app.options import ProjectOptions
from reviewer.app.project import Project
from reviewer.app.review import ReviewProgress, ReviewService, review_all

__all__ = ["Project", "ProjectOptions", "ReviewProgress", "ReviewService", "review_all"]
