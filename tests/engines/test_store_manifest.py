"""An object-store output (no rename, no lock): the run prefix's manifest names it, and the marker
written last (_LATEST) is what makes it the published run."""

from __future__ import annotations

import json

import fsspec
import pytest

from pipeline.engines.dask.storage import LATEST, Location, StoreOutput, latest_run
from pipeline.tables import SCHEMA_VERSION


def test_the_marker_written_last_names_the_run_whose_manifest_has_the_schema_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mem = fsspec.filesystem("memory")
    root = Location.parse("memory://h28b-magasin")
    output = StoreOutput(root)
    mem.pipe_file(output.staging.child("entities.csv").path, b"doc_id\n")
    written: list[str] = []
    real_pipe = mem.pipe_file

    def record(path: str, value: bytes, **kwargs: object) -> None:
        written.append(path.rsplit("/", 1)[1])
        real_pipe(path, value, **kwargs)

    monkeypatch.setattr(mem, "pipe_file", record)
    output.publish({"schema_version": SCHEMA_VERSION, "options": {"top_k": 4}})
    assert written[-1] == LATEST
    run = latest_run(root)
    assert run is not None and run.path == output.staging.path
    manifest = json.loads(mem.cat_file(run.child("manifest.json").path))
    assert manifest["generation"] == output.name
    assert manifest["schema_version"] == SCHEMA_VERSION and manifest["options"] == {"top_k": 4}
    mem.rm(root.path, recursive=True)
