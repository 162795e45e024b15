"""The demo data generator (`PYTHONPATH=tests python -m demo_generator.generate`): writes
`reviewer/demo/demo-data.tar.xz`, the archive `reviewer.demo` reads."""
