"""Helpers for the tests and benchmarks, kept out of the `pipeline` package that users install.

Tests and benchmarks import them as `tests.support.*` (tests/ is a package; pytest puts the repository
root on sys.path, and the benchmarks do it themselves).
"""
