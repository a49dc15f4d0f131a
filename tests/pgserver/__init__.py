"""A throw-away PostgreSQL cluster for tests and benchmarks (cluster.py) and its pytest fixtures (fixtures.py)."""
