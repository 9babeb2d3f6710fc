"""Benchmarks of diplokg: a corpus generator (corpus.py) and the benchmark script (run.py)."""
