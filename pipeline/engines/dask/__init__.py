"""The Dask engine: `pipeline run --engine dask`, the same tables as a local run, from many machines.

- engine.py: the client side (cluster connection, task graph, publish); the only module importing Dask.
- tasks.py: what workers run (analyse a batch, corpus-pass steps, CSV/xlsx writers).
- corpus.py: the corpus pass split into per-part statistics and merges.
- storage.py: local paths and fsspec URLs, part files, the output folder or object-store run prefix.

See docs/dask.md. Importing this package does not import Dask: `core.run` imports engine.py on demand.
"""
