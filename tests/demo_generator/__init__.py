"""The demo data generator (`python -m tools.demo.generate`): writes
`reviewer/demo/demo-data.tar.xz`, the archive `reviewer.demo` reads."""
