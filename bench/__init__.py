"""Benchmarks that print numbers (not timed tests): run `python -m bench.run_all` from the repository root."""
