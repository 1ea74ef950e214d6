"""The Dask engine gives the local engine's tables: whole runs on a 2-worker LocalCluster, a file://
and an object-store (memory://) run, cache reuse, and a worker killed during a run."""

from __future__ import annotations

import io
import os
import shutil
import signal
from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("distributed")  # the dask extra: pip install '.[dask]'
fsspec = pytest.importorskip("fsspec")

from pipeline.engines.dask.storage import Location, list_documents  # noqa: E402
from pipeline.export import CSV_FLAVORS, OutputFolder, write_csv, write_csv_chunks  # noqa: E402
from pipeline.options import RunOptions  # noqa: E402
from pipeline.tables import DOCUMENTS, TABLES, to_table  # noqa: E402
from tests.support.paths import ROOT  # noqa: E402


@pytest.mark.parametrize("flavor", CSV_FLAVORS)
def test_csv_written_part_by_part_is_the_whole_csv(tmp_path: Path, flavor: str) -> None:
    rows = [
        {
            "doc_id": "a",
            "path": "a.txt",
            "status": "ok",
            "title": "=SOMME(A1)",
            "n_chars": 12,
            "had_bom": False,
        },
        {"doc_id": "b", "path": "b.txt", "status": "empty", "status_detail": "file is empty"},
        {"doc_id": "c", "path": "c.txt", "status": "ok", "title": "Plan vélo; 2,5 M€", "n_chars": 7},
    ]
    table = to_table(DOCUMENTS, rows)
    write_csv(table, tmp_path / "whole.csv", flavor)
    buffer = io.BytesIO()
    write_csv_chunks([table.slice(0, 1), table.slice(1, 1), table.slice(2, 1)], buffer, flavor)
    whole = (tmp_path / "whole.csv").read_bytes()
    assert buffer.getvalue() == whole
    assert b"12.0" not in whole and b",12," in whole.replace(b";", b",")  # integers stay integers


def test_a_folder_replaces_a_file_and_back(tmp_path: Path) -> None:
    """A local run writes entities.parquet as a file, a Dask run as a folder of parts: either replaces
    the other in the same output folder."""
    (tmp_path / "entities.parquet").write_text("file")
    with OutputFolder(tmp_path) as folder:
        folder.staged("entities.parquet/part-000000.parquet").write_text("part")
        folder.publish()
    assert (tmp_path / "entities.parquet" / "part-000000.parquet").read_text() == "part"
    with OutputFolder(tmp_path) as folder:
        folder.staged("entities.parquet").write_text("file again")
        folder.publish()
    assert (tmp_path / "entities.parquet").read_text() == "file again"


def test_corpus_listing_through_fsspec_matches_the_local_one(tmp_path: Path) -> None:
    for name in ("a.txt", "sub/b.md", ".hidden/c.txt", "README.md", "notes.csv", "sub/.d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Texte.")
    mem = fsspec.filesystem("memory")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            mem.pipe_file(f"/listing/{path.relative_to(tmp_path).as_posix()}", path.read_bytes())
    local = list_documents(Location.parse(tmp_path))
    assert local == ["a.txt", "sub/b.md"]
    assert list_documents(Location.parse("memory://listing")) == local
    assert list_documents(Location.parse(f"file://{tmp_path}")) == local


# ----------------------------------------------------------------------------- whole runs

# Benchmark-format documents written for this test (front matter with the publication date), with what
# the corpus pass joins across documents: an acronym defined in one and used bare in another, a full
# name then a surname, a shared keyphrase.
BENCH_DOCS = {
    "bench/2024-03-04-velo.txt": (
        "---\ndate: 2024-03-04\n---\n"
        "Le ministère de la Transition écologique présente le plan vélo 2024-2027\n"
        "Paris, le 4 mars 2024. La ministre Claire Fontaine a présenté lundi le nouveau plan vélo, doté de "
        "250 millions d'euros, avec l'Agence de l'environnement et de la maîtrise de l'énergie (ADEME). "
        "Le plan financera des pistes cyclables dans les communes rurales d'ici à 2027.\n"
    ),
    "bench/2024-03-11-ademe.txt": (
        "---\ndate: 2024-03-11\n---\n"
        "L'ADEME lance un appel à projets pour les pistes cyclables\n"
        "Lyon, le 11 mars 2024. L'ADEME ouvre jusqu'au 30 avril un appel à projets destiné aux "
        "collectivités. Mme Fontaine se rendra à Lyon le 15 mars pour en présenter les critères.\n"
    ),
    "bench/2024-04-02-sobriete.md": (
        "---\ndate: 2024-04-02\n---\n"
        "Sobriété énergétique : un bilan de l'hiver\n"
        "Le Gouvernement publie le bilan de la sobriété énergétique de l'hiver 2023-2024. La consommation "
        "d'électricité a baissé de 9 % par rapport à la moyenne des années 2014 à 2019, selon RTE. "
        "Jean Moreau, délégué interministériel, salue l'effort des ménages et des entreprises.\n"
    ),
    "bench/2024-05-21-moreau.txt": (
        "---\ndate: 2024-05-21\n---\n"
        "Nomination au Conseil d'État\n"
        "Par décret du 20 mai 2024, M. Moreau est nommé conseiller d'État. Il quittera ses fonctions de "
        "délégué interministériel à la sobriété énergétique le 1er juin.\n"
    ),
    "bench/notes/2024-06-01-sans-date.txt": (
        "Le plan vélo en chiffres\n"
        "Depuis mars, 120 communes ont déposé un dossier auprès de l'ADEME pour financer leurs pistes "
        "cyclables ; les premiers chantiers commenceront à l'automne.\n"
    ),
}


def _write_corpus(folder: Path) -> Path:
    for path in (ROOT / "corpus").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for rel, text in BENCH_DOCS.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    (folder / "bench" / "vide.txt").write_bytes(b"")
    (folder / "bench" / "binaire.txt").write_bytes(b"\x00\x01\x02PK")
    return folder


def _tables(out: Path | str, fs=None) -> dict[str, pd.DataFrame]:
    """Every exported table, rows sorted on every column: what must be identical between engines."""
    out_text = str(out)
    frames = {}
    for name, spec in TABLES.items():
        if fs is None:
            frame = pd.read_parquet(f"{out_text}/{name}.parquet")
        else:
            frame = pd.read_parquet(f"{out_text}/{name}.parquet", filesystem=fs)
        assert list(frame.columns) == spec.column_names
        frames[name] = frame.sort_values(spec.column_names).reset_index(drop=True)
    return frames


def _assert_same_tables(expected: dict[str, pd.DataFrame], actual: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(actual[name], expected[name], obj=name)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    from pipeline.core import run

    out = tmp_path_factory.mktemp("local")
    run(corpus, out, formats=("parquet", "csv"), jobs=1)
    return out


@pytest.fixture(scope="module")
def expected(local_out: Path) -> dict[str, pd.DataFrame]:
    tables = _tables(local_out)
    assert len(tables["documents"]) == 12 and (tables["documents"]["status"] != "ok").sum() == 2
    assert len(tables["entities"]) > 100 and len(tables["similar_documents"]) > 10
    return tables


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, shared by the runs below (each loads the model once)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster


def test_dask_run_gives_the_local_tables(
    corpus: Path, expected, local_out: Path, cluster, tmp_path: Path
) -> None:
    from pipeline.engines.dask.engine import run_dask

    out = tmp_path / "out"
    options = RunOptions(
        f"file://{corpus}",
        f"file://{out}",
        formats=("parquet", "csv"),
        engine="dask",
        scheduler=cluster.scheduler_address,
        force=True,
    )
    result = run_dask(options, batch_size=2)  # 6 parts: canonicals, ranks, summary merged across parts
    assert result.documents == 10 and len(result.skipped) == 2 and result.cached == 0
    assert (out / "entities.parquet").is_dir() and len(list((out / "entities.parquet").iterdir())) == 6
    _assert_same_tables(expected, _tables(out))
    # The parts form one dataset for pyarrow too, and the CSVs hold the local run's lines.
    import pyarrow.dataset as ds

    assert ds.dataset(out / "entities.parquet").to_table().num_rows == len(expected["entities"])
    for name in [*(f"{t}.csv" for t in TABLES), "doc_theme_matrix.csv"]:
        ours, theirs = (
            (out / name).read_bytes().split(b"\r\n"),
            (local_out / name).read_bytes().split(b"\r\n"),
        )
        assert ours[0] == theirs[0] and sorted(ours) == sorted(theirs), name
    for text in (local_out / "texts").rglob("*.txt"):
        assert (out / "texts" / text.relative_to(local_out / "texts")).read_bytes() == text.read_bytes()
    assert not [p.name for p in out.iterdir() if p.name.startswith((".staging", ".dask-work"))]
    # `pipeline compare` reads the Dask run's kept tables (folders of parts) as the local run's files
    from pipeline.compare import compare

    assert (out / "lemma_counts.parquet").is_dir()
    assert compare(out, "month", write=False).table.equals(compare(local_out, "month", write=False).table)


def test_dask_run_reuses_the_local_cache(
    corpus: Path, expected, local_out: Path, cluster, tmp_path: Path
) -> None:
    """Same output folder as the local run: its cache is hit for every document, and the Dask layout
    (folders of parts) replaces the single files."""
    from pipeline.core import run

    out = tmp_path / "same"
    shutil.copytree(local_out, out)
    result = run(corpus, out, formats=("parquet",), engine="dask", scheduler=cluster.scheduler_address)
    assert result.documents == 10 and result.cached == 10
    assert (out / "documents.parquet").is_dir()
    _assert_same_tables(expected, _tables(out))


def test_object_store_run_writes_a_run_prefix_and_success(corpus: Path, expected, nlp) -> None:
    """memory:// stands for s3:// or gs:// (no rename, no lock): a fresh run prefix, _SUCCESS written
    last, _LATEST naming it. An in-process cluster shares the memory filesystem with the test."""
    from pipeline.engines.dask.engine import run_dask
    from pipeline.engines.dask.storage import latest_run

    mem = fsspec.filesystem("memory")
    for path in corpus.rglob("*"):
        if path.is_file():
            mem.pipe_file(f"/store-corpus/{path.relative_to(corpus).as_posix()}", path.read_bytes())
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as local:
        options = RunOptions(
            "memory://store-corpus",
            "memory://store-out",
            formats=("parquet",),
            engine="dask",
            scheduler=local.scheduler_address,
        )
        result = run_dask(options)
    run = latest_run(Location.parse("memory://store-out"))
    assert run is not None and str(result.out_dir).rstrip("/") == run.url
    assert mem.exists(f"{run.path}/_SUCCESS") and not mem.exists(f"{run.path}/_work")
    assert result.cached == 0  # no local cache folder for an object-store output
    _assert_same_tables(expected, _tables(run.path, fs=mem))
    mem.rm("/store-out", recursive=True)
    mem.rm("/store-corpus", recursive=True)


def test_without_scheduler_a_local_cluster_is_started(tmp_path: Path, nlp) -> None:
    from pipeline.core import run

    corpus = tmp_path / "c"
    corpus.mkdir()
    for rel in ("bench/2024-03-04-velo.txt", "bench/2024-03-11-ademe.txt"):
        (corpus / Path(rel).name).write_text(BENCH_DOCS[rel], encoding="utf-8")
    result = run(corpus, tmp_path / "dask", formats=("parquet",), engine="dask", workers=1)
    assert result.documents == 2 and result.phases["workers"] == 1
    run(corpus, tmp_path / "local", formats=("parquet",), jobs=1)
    _assert_same_tables(_tables(tmp_path / "local"), _tables(tmp_path / "dask"))


def test_engine_options_are_checked(tmp_path: Path) -> None:
    from pipeline.core import run

    with pytest.raises(ValueError, match="unknown engine"):
        run(tmp_path, tmp_path / "out", engine="spark")
    with pytest.raises(ValueError, match="--engine dask"):
        run(tmp_path, tmp_path / "out", scheduler="tcp://127.0.0.1:8786")


def test_a_worker_killed_during_the_run_changes_nothing(
    corpus: Path, expected, cluster, tmp_path: Path
) -> None:
    """SIGKILL a worker process while it analyses a batch: the nanny restarts it, the scheduler gives its
    batch to a live worker, and the tables are the same. (Runs last: the cluster is then restarted.)"""
    from pipeline.engines.dask.engine import run_dask

    with distributed.Client(cluster, set_as_default=False) as client:
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_a_busy_worker(done: int, total: int) -> None:
            if killed or done == 0:
                return
            busy = [addr for addr, keys in client.processing().items() if keys]
            assert busy, "no batch running to interrupt"
            killed.append(pids[busy[0]])
            os.kill(pids[busy[0]], signal.SIGKILL)

        out = tmp_path / "out"
        options = RunOptions(
            corpus, out, formats=("parquet",), engine="dask", scheduler=cluster.scheduler_address, force=True
        )
        result = run_dask(options, kill_a_busy_worker, batch_size=1)
        assert killed and result.documents == 10
        assert killed[0] not in client.run(os.getpid).values()  # the process is gone, replaced
    _assert_same_tables(expected, _tables(out))


def test_a_failed_cache_write_on_a_worker_is_reported(corpus: Path, cluster, tmp_path: Path) -> None:
    """A worker that cannot write the analysis cache (here: its folder is a file) still writes its part;
    the run says once, in its notes, that the next run will re-analyse."""
    from pipeline.engines.dask.engine import run_dask

    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("not a folder")
    options = RunOptions(
        str(corpus),
        str(tmp_path / "out"),
        formats=("parquet",),
        engine="dask",
        scheduler=cluster.scheduler_address,
        cache_dir=blocked,
    )
    result = run_dask(options, batch_size=3)
    assert result.documents == 10 and result.cached == 0
    (note,) = result.notes
    assert "could not be written" in note and "Not a directory" in note
    assert "note: the analysis cache could not be written" in result.summary()
