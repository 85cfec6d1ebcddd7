"""Benchmarks for cleannews: quality against gold data and speed, side by side with peers.

Run ``python -m benchmarks`` (full table) or ``python -m benchmarks.gate`` (CI gate).
"""
