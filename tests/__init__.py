"""The test suite: one folder per subpackage of `pipeline/` (see tests/README.md)."""
