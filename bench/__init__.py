"""Benchmarks of policykg: corpus generation, build, load, export and query speed; see RESULTS.md."""
