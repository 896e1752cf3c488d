"""Speed and memory benchmarks. `make bench` runs them all; each writes benchmarks/results/<name>.json."""
