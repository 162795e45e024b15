"""`python -m reviewer` runs the command line."""

from reviewer.cli.main import main

raise SystemExit(main())
