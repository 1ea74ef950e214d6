"""`pipeline add`: every input kind, metadata precedence, safe names, duplicates, and every bad input.

All documents are French texts written for these tests (tests/data/ingest/, or built below).
"""

from __future__ import annotations

import datetime as dt
import email.mime.multipart
import email.mime.text
import importlib.util
import io
import os
import socket
import zipfile
from pathlib import Path

import pytest

from pipeline.header import find_dateline, infer_title, usable_title
from pipeline.ingest import AddOutcome, IngestError, add_documents
from pipeline.ingest import sources as ingest_sources
from pipeline.ingest import store as ingest_store
from pipeline.ingest.infer import slugify
from pipeline.ingest.pdf import strip_running_lines, unwrap_lines
from pipeline.ingest.sources import sniff
from pipeline.ingest.store import content_key
from pipeline.reading import Document, read_document, repair_text
from tests.support.paths import DATA

INGEST = DATA / "ingest"
_spec = importlib.util.spec_from_file_location("ingest_fixtures", INGEST / "make_fixtures.py")
assert _spec and _spec.loader
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

HTML_NAME = "2024-03-12-un-plan-velo-pour-les-ecoles-de-la-region.md"
PDF_NAME = "2024-04-04-ouverture-d-une-maison-de-sante-a-saint-aubin.md"
SHORT_TEXT = (
    "La commune de Villers organise samedi une journée de nettoyage des berges de la rivière, "
    "ouverte à tous les habitants volontaires.\n"
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction works from the given bytes only: any connection attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during ingestion")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return tmp_path / "corpus"


def add(items: list[str | Path], corpus: Path, **options: object) -> list[AddOutcome]:
    return add_documents([str(i) for i in items], corpus, **options)  # type: ignore[arg-type]


def add_one(item: str | Path, corpus: Path, **options: object) -> AddOutcome:
    (outcome,) = add([item], corpus, **options)
    return outcome


def read_back(path: Path) -> Document:
    return read_document(path, path.parent)


def snapshot(root: Path) -> dict[str, bytes] | None:
    """Every file under root (hidden ones too), or None when root does not exist."""
    if not root.exists():
        return None
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def body_of(path: Path) -> str:
    """The body as written (after the front matter), before the reader's repair."""
    text = path.read_text(encoding="utf-8")
    return text.split("---\n", 2)[2]


def write(folder: Path, name: str, data: bytes | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def docx_bytes(title: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_paragraph("Communiqué de presse")
    document.add_paragraph("Vernon, le 5 juin 2024")
    document.add_paragraph("Nouvelle déchetterie à Vernon")
    document.add_paragraph(
        "La communauté d’agglomération ouvre lundi une déchetterie qui accepte les déchets verts, "
        "le bois et les gravats des particuliers."
    )
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in enumerate([("Horaires", "Du lundi au samedi"), ("Accès", "Gratuit")]):
        table.cell(row, 0).text = label
        table.cell(row, 1).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_binary_fixtures_are_what_the_script_makes() -> None:
    """tests/data/ingest/make_fixtures.py regenerates them byte for byte."""
    assert (INGEST / "communique.pdf").read_bytes() == fixtures.build_pdf(
        fixtures.TEXT_PAGES, fixtures.TEXT_INFO
    )
    assert (INGEST / "scan.pdf").read_bytes() == fixtures.build_pdf(
        None, {"Title": "Numérisation"}, scanned_pages=2
    )


# --- each input kind ----------------------------------------------------------------------------


def test_text_file_is_normalised_and_reads_back(corpus: Path) -> None:
    outcome = add_one(INGEST / "communique.txt", corpus)
    assert outcome.status == "added" and outcome.source == str(INGEST / "communique.txt")
    assert outcome.path == corpus / HTML_NAME  # named from the dateline and the first line
    written = outcome.path.read_text(encoding="utf-8")
    assert written.startswith(  # what the file is named from is in its front matter (issue 28)
        "---\ndate: '2024-03-12'\ntitle: Un plan vélo pour les écoles de la région\n---\n"
        "Un plan vélo pour les écoles de la région\n\nLyon, le 12 mars 2024\n"
    )
    assert "après-midi.\n\n«" in written  # trailing spaces gone
    assert "\n\n\n" not in written and written.endswith("presse@exemple-region.fr\n")
    document = read_back(outcome.path)
    assert document.metadata == {"date": "2024-03-12", "title": "Un plan vélo pour les écoles de la région"}
    assert document.text == repair_text(body_of(outcome.path))[0]


def test_cp1252_text_is_written_as_utf8(corpus: Path) -> None:
    outcome = add_one(INGEST / "cp1252.txt", corpus)
    assert outcome.status == "added" and outcome.path is not None
    assert outcome.path.name.startswith("2024-02-02-la-metropole-ouvre-une-nouvelle-ligne")
    text = outcome.path.read_bytes().decode("utf-8")
    assert "quartier de l’île." in text and "\r" not in text


def test_markdown_front_matter_is_kept(corpus: Path) -> None:
    outcome = add_one(INGEST / "avec_front_matter.md", corpus)
    assert outcome.path == corpus / "2023-09-15-reouverture-du-musee-des-beaux-arts.md"
    document = read_back(outcome.path)
    assert document.metadata == {
        "date": "2023-09-15",
        "title": "Réouverture du musée des Beaux-Arts",
        "source": "Ville de Montclair",
        "url": "https://www.montclair.example/actualites/musee",
        "langue": "fr",
    }
    assert document.text.startswith("# Réouverture du musée des Beaux-Arts\n\nAprès deux ans de travaux")
    assert list(document.metadata)[:4] == ["date", "title", "source", "url"]


def test_html_main_text_and_metadata(corpus: Path) -> None:
    outcome = add_one(INGEST / "communique.html", corpus)
    assert outcome.status == "added" and outcome.path == corpus / HTML_NAME
    document = read_back(outcome.path)
    assert document.metadata == {
        "date": "2024-03-12",  # the publication date, not the modification date
        "title": "Un plan vélo pour les écoles de la région",
        "source": "Région Exemple",
        "url": "https://www.exemple-region.fr/presse/communiques/plan-velo-ecoles",
    }
    assert "Lyon, le 12 mars 2024\n" in document.text
    assert (
        "la présidente lors d'une visite" in document.text
    )  # the reader uncurls quotes  # a line break inside <p> is a space
    assert "Accueil" not in document.text and "Mentions légales" not in document.text  # menus, footer


def test_html_in_cp1252_without_a_declared_charset(corpus: Path, tmp_path: Path) -> None:
    html = (INGEST / "communique.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    outcome = add_one(write(tmp_path, "page.htm", html.encode("cp1252")), corpus)
    assert outcome.path == corpus / HTML_NAME
    assert "Première tranche de travaux" in read_back(outcome.path).text


def test_html_without_canonical_link_takes_the_saved_from_address(corpus: Path, tmp_path: Path) -> None:
    html = (INGEST / "communique.html").read_text(encoding="utf-8")
    html = "\n".join(line for line in html.splitlines() if "canonical" not in line)
    document = read_back(add_one(write(tmp_path, "page.html", html), corpus).path)  # type: ignore[arg-type]
    assert document.metadata["url"] == "https://www.exemple-region.fr/presse/plan-velo-ecoles-2024"


def test_mhtml_single_file_page(corpus: Path, tmp_path: Path) -> None:
    html = (INGEST / "communique.html").read_text(encoding="utf-8")
    html = "\n".join(
        line for line in html.splitlines() if "canonical" not in line and "saved from" not in line
    )
    archive = email.mime.multipart.MIMEMultipart("related")
    archive["Snapshot-Content-Location"] = "https://www.exemple-region.fr/presse/archive-velo"
    archive.attach(email.mime.text.MIMEText(html, "html", "utf-8"))
    outcome = add_one(write(tmp_path, "page.mhtml", archive.as_bytes()), corpus)
    assert outcome.path == corpus / HTML_NAME
    document = read_back(outcome.path)
    assert document.metadata["url"] == "https://www.exemple-region.fr/presse/archive-velo"
    assert document.metadata["title"] == "Un plan vélo pour les écoles de la région"


def test_pdf_text_layer_paragraphs_are_rejoined(corpus: Path) -> None:
    outcome = add_one(INGEST / "communique.pdf", corpus)
    assert outcome.status == "added" and outcome.path == corpus / PDF_NAME
    assert outcome.warnings == ()
    document = read_back(outcome.path)
    # The title comes from the PDF properties; the date from the dateline, not the (earlier) creation
    # date of the file.
    title = "Ouverture d’une maison de santé à Saint-Aubin"
    assert document.metadata == {"date": "2024-04-04", "title": title}
    lines = document.text.splitlines()
    assert lines[:3] == ["Communiqué de presse", "Bordeaux, le 4 avril 2024", lines[2]]
    assert "une maison de santé pluridisciplinaire qui accueillera" in document.text
    assert "médecins généralistes, deux infirmières et un kinésithérapeute.\n" in document.text
    assert "a coûté 2,3 millions d'euros.\n" in document.text  # a wrapped line starting with a digit
    assert "Une permanence de soins non programmés sera assurée" in document.text  # on page 2


def test_pdf_creation_date_is_used_when_the_text_has_no_dateline(corpus: Path, tmp_path: Path) -> None:
    pages = [[line for line in fixtures.TEXT_PAGES[0] if "avril" not in line]]
    pdf = fixtures.build_pdf(
        pages, {"Title": "Microsoft Word - cp_sante_v3.docx", "CreationDate": "D:20240403"}
    )
    outcome = add_one(write(tmp_path, "cp.pdf", pdf), corpus)
    document = read_back(outcome.path)  # type: ignore[arg-type]
    # the tool's placeholder title is dropped: the headline of the text is taken instead
    title = "Ouverture d'une maison de santé à Saint-Aubin"
    assert document.metadata == {"date": "2024-04-03", "title": title}
    assert outcome.path == corpus / "2024-04-03-ouverture-d-une-maison-de-sante-a-saint-aubin.md"


def test_pdf_running_lines_dropped_and_scanned_pages_warned(corpus: Path, tmp_path: Path) -> None:
    header, pages = "Mairie de Saint-Aubin – service communication", []
    for number, page in enumerate(fixtures.TEXT_PAGES, start=1):
        pages.append([header, *page, f"Page {number}"])
    pdf = fixtures.build_pdf(pages, scanned_pages=1)
    outcome = add_one(write(tmp_path, "cp.pdf", pdf), corpus)
    assert outcome.status == "added"
    assert len(outcome.warnings) == 1 and "page(s) 3" in outcome.warnings[0]
    text = read_back(outcome.path).text  # type: ignore[arg-type]
    assert header not in text and "Page 1" not in text and "Page 2" not in text
    assert text.startswith("Communiqué de presse\n")


def test_docx_paragraphs_tables_and_title(corpus: Path, tmp_path: Path) -> None:
    outcome = add_one(write(tmp_path, "cp.docx", docx_bytes("Nouvelle déchetterie à Vernon")), corpus)
    assert outcome.path == corpus / "2024-06-05-nouvelle-dechetterie-a-vernon.md"
    document = read_back(outcome.path)
    assert document.metadata == {"date": "2024-06-05", "title": "Nouvelle déchetterie à Vernon"}
    assert "Horaires | Du lundi au samedi\nAccès | Gratuit" in document.text
    assert "les gravats des particuliers." in document.text


def test_standard_input(corpus: Path) -> None:
    text = (INGEST / "communique.txt").read_bytes()
    pdf = (INGEST / "communique.pdf").read_bytes()
    first = add_one("-", corpus, stdin=io.BytesIO(text))
    second = add_one("-", corpus, stdin=io.BytesIO(pdf))  # a PDF is recognised from its bytes
    assert (first.source, first.status, first.path) == ("-", "added", corpus / HTML_NAME)
    assert (second.status, second.path) == ("added", corpus / PDF_NAME)


# --- metadata precedence and names ---------------------------------------------------------------


def test_options_override_extracted_metadata(corpus: Path) -> None:
    outcome = add_one(
        INGEST / "communique.html",
        corpus,
        date=dt.date(2024, 3, 13),
        title="Plan vélo : la Région investit",
        source="Service presse",
        url="https://exemple.org/cp/42",
    )
    assert outcome.path == corpus / "2024-03-13-plan-velo-la-region-investit.md"
    assert read_back(outcome.path).metadata == {
        "date": "2024-03-13",
        "title": "Plan vélo : la Région investit",
        "source": "Service presse",
        "url": "https://exemple.org/cp/42",
    }


def test_options_complete_a_front_matter_without_overwriting_other_keys(corpus: Path) -> None:
    outcome = add_one(INGEST / "avec_front_matter.md", corpus, source="Mairie de Montclair")
    metadata = read_back(outcome.path).metadata  # type: ignore[arg-type]
    assert metadata["source"] == "Mairie de Montclair" and metadata["date"] == "2023-09-15"
    assert metadata["langue"] == "fr"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("../../etc/passwd", "undated-etc-passwd.md"),
        ("/etc/passwd", "undated-etc-passwd.md"),
        ("..", "undated-document.md"),
        ("C:\\Windows\\system32\\con", "undated-c-windows-system32-con.md"),
        ("Œuvres d’été à Besançon : l’âge d’or", "undated-oeuvres-d-ete-a-besancon-l-age-d-or.md"),
        ("🎉🎉🎉", "undated-document.md"),
        ("Bilan annuel ---", "undated-bilan-annuel.md"),  # '---' must not end the front matter
        ("yes", "undated-yes.md"),  # YAML would read a bare yes as true
    ],
)
def test_hostile_titles_give_safe_names_and_read_back(corpus: Path, title: str, name: str) -> None:
    outcome = add_one("-", corpus, title=title, stdin=io.BytesIO(SHORT_TEXT.encode()))
    assert outcome.path == corpus / name
    assert outcome.path.resolve().parent == corpus.resolve()
    assert read_back(outcome.path).metadata == {"title": title}


def test_long_title_gives_a_bounded_name(corpus: Path) -> None:
    title = "Très " * 100 + "long"
    outcome = add_one(
        "-", corpus, title=title, date=dt.date(2024, 1, 2), stdin=io.BytesIO(SHORT_TEXT.encode())
    )
    assert outcome.path is not None and outcome.path.name.startswith("2024-01-02-tres-tres-")
    assert len(outcome.path.name) <= len("2024-01-02-") + 60 + len(".md")
    assert read_back(outcome.path).metadata["title"] == title


def test_control_characters_in_a_title_are_flattened(corpus: Path) -> None:
    outcome = add_one("-", corpus, title="Ligne 1\nLigne\x002", stdin=io.BytesIO(SHORT_TEXT.encode()))
    assert read_back(outcome.path).metadata == {"title": "Ligne 1 Ligne 2"}  # type: ignore[arg-type]


def test_no_clobbering_and_no_doc_id_clash(corpus: Path) -> None:
    existing_txt = write(
        corpus, "2024-05-02-fete-du-quartier.txt", "Texte plus ancien sur la fête du quartier.\n"
    )
    before = existing_txt.read_bytes()
    texts = [f"La fête du quartier réunira {n} associations sur la place du marché.\n" for n in (12, 15, 18)]
    outcomes = [
        add_one("-", corpus, title="Fête du quartier", date=dt.date(2024, 5, 2), stdin=io.BytesIO(t.encode()))
        for t in texts
    ]
    names = [o.path.name for o in outcomes]  # type: ignore[union-attr]
    assert names == [f"2024-05-02-fete-du-quartier-{n}.md" for n in (2, 3, 4)]  # .txt stem taken too
    assert existing_txt.read_bytes() == before
    assert [o.status for o in outcomes] == ["added"] * 3


def test_a_name_taken_meanwhile_is_not_overwritten(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process creates the name after we looked: the hard link refuses, the next name is used."""
    taken = write(corpus, "undated-essai.md", "Document d’un autre processus.\n")
    monkeypatch.setattr(ingest_store, "_stem_taken", lambda root, stem: False)
    path = ingest_store.write_new(corpus, "undated-essai", b"---\n---\nNouveau texte.\n")
    assert path.name == "undated-essai-2.md"
    assert taken.read_text(encoding="utf-8") == "Document d’un autre processus.\n"
    assert sorted(p.name for p in corpus.iterdir()) == ["undated-essai-2.md", "undated-essai.md"]


# --- duplicates ----------------------------------------------------------------------------------


def test_same_text_as_txt_then_html_is_a_duplicate(corpus: Path) -> None:
    first = add_one(INGEST / "communique.txt", corpus)
    before = snapshot(corpus)
    second = add_one(INGEST / "communique.html", corpus)
    assert second.status == "duplicate" and second.path == first.path
    assert second.message == f"not added: same text as {first.path}"
    assert snapshot(corpus) == before


def test_identical_inputs_in_one_call(corpus: Path) -> None:
    outcomes = add([INGEST / "communique.pdf", INGEST / "communique.pdf"], corpus)
    assert [o.status for o in outcomes] == ["added", "duplicate"]
    assert outcomes[1].path == outcomes[0].path
    assert len(list(corpus.iterdir())) == 1


def test_duplicate_of_a_plain_corpus_file_in_a_subfolder(corpus: Path) -> None:
    """Existing documents are compared by their analysed text, whatever their layout or encoding."""
    text = (INGEST / "communique.txt").read_text(encoding="utf-8").replace("\n\n", "\n")
    old = write(corpus / "2024", "ancien.txt", text.encode("utf-16"))
    outcome = add_one(INGEST / "communique.html", corpus)
    assert (outcome.status, outcome.path) == ("duplicate", old)


def test_near_duplicate_is_added_with_a_warning(corpus: Path) -> None:
    old = write(
        corpus,
        "plan.md",
        "---\ntitle: Un plan vélo pour les écoles de la région\ndate: 2024-03-12\n---\nPremière version.\n",
    )
    outcome = add_one(INGEST / "communique.html", corpus)
    assert outcome.status == "added"
    assert outcome.warnings == (f"same title and date as {old}: a new version of it?",)


def test_near_duplicate_from_guessed_title_and_dateline(corpus: Path) -> None:
    write(
        corpus, "ancien.txt", "Un plan vélo pour les écoles de la région\nLyon, le 12 mars 2024\nBrouillon.\n"
    )
    outcome = add_one(INGEST / "communique.pdf", corpus)
    assert outcome.warnings == ()  # different title and date: no warning
    outcome = add_one(INGEST / "communique.html", corpus)
    assert len(outcome.warnings) == 1 and "ancien.txt" in outcome.warnings[0]


@pytest.mark.parametrize("name", ["mojibake.txt", "cp1252.txt", "bom_crlf.txt", "front_matter.md"])
def test_the_duplicate_index_sees_the_readers_text(data_dir: Path, name: str) -> None:
    """The index skips the reader's costly repair statistics, not its repair."""
    document = read_document(data_dir / name, data_dir)
    metadata, text = ingest_store.analysed((data_dir / name).read_bytes())
    assert metadata == document.metadata
    assert content_key(text) == content_key(document.text)
    assert text.replace("\r\n", "\n").replace("\r", "\n") == document.text


# --- bad inputs ----------------------------------------------------------------------------------


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fixtures.build_pdf(fixtures.TEXT_PAGES))))
    writer.encrypt(user_password="secret", owner_password="proprietaire", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BAD_INPUTS: dict[str, tuple[str, bytes | None, str]] = {
    # case: (file name, bytes or None for a fixture/path case, expected fragment of the message)
    "missing": ("absent.txt", None, "file not found"),
    "empty": ("vide.txt", b"", "file is empty"),
    "blank": ("blanc.txt", b" \n\t\r\n  \n", "file is empty"),
    "too little text": ("court.txt", b"Merci.\n", "too little text to analyse (5 letters)"),
    "front matter only": ("entete.md", b"---\ntitle: Seul\n---\n", "no text"),
    "junk": ("junk.bin", (INGEST / "junk.bin").read_bytes(), "file looks binary"),
    "png": ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "file is a PNG image, not a document"),
    "old word": ("ancien.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "save it as .docx or PDF"),
    "zip": ("archive.zip", _zip({"a.txt": b"texte"}), "file is a zip archive, not a document"),
    "odt": ("cp.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "OpenDocument"),
    "damaged docx": ("cp.docx", _zip({"word/document.xml": b"<pas du xml"}), ".docx cannot be read"),
    "rtf": ("cp.rtf", b"{\\rtf1\\ansi Communiqu\\'e9 de presse}", "RTF is not supported"),
    "scanned pdf": ("scan.pdf", (INGEST / "scan.pdf").read_bytes(), "PDF has no text layer"),
    "damaged pdf": ("casse.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Cata", "PDF cannot be read"),
    "encrypted pdf": ("protege.pdf", _encrypted_pdf(), "PDF is password-protected"),
    "html without text": (
        "vide.html",
        b"<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>",
        "no main text found in the HTML page",
    ),
    "bad front matter": ("cp.md", "---\ntitle: [non fermé\n---\nUn texte.\n".encode(), "not valid YAML"),
    "yaml alias bomb": (
        "bombe.md",
        (
            "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in ("ab", "bc", "cd", "de"))
            + "---\n"
            + SHORT_TEXT
        ).encode(),
        "YAML aliases",
    ),
    "folder": ("dossier", None, "is a folder, not a file"),
    "under a file": ("junk.bin/enfant.txt", None, "cannot read the file"),
}


@pytest.mark.parametrize("with_corpus", [True, False], ids=["existing corpus", "no corpus yet"])
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_rejected_in_one_line_and_the_corpus_is_untouched(
    tmp_path: Path, corpus: Path, case: str, with_corpus: bool
) -> None:
    name, data, expected = BAD_INPUTS[case]
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write(inputs, "junk.bin", b"\x00\x01")
    (inputs / "dossier").mkdir()
    if data is not None:
        write(inputs, name, data)
    if with_corpus:
        add_one(INGEST / "communique.txt", corpus)
    before = snapshot(corpus)
    outcome = add_one(inputs / name, corpus)
    assert (outcome.status, outcome.path) == ("rejected", None)
    assert outcome.message.startswith("not added: ") and expected in outcome.message
    assert "\n" not in outcome.message
    assert snapshot(corpus) == before


def test_oversized_inputs_are_refused_before_reading(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sparse = tmp_path / "enorme.pdf"
    with sparse.open("wb") as handle:
        handle.truncate(ingest_sources.MAX_CONTAINER_BYTES + 1)  # sparse: costs no disk
    assert add_one(sparse, corpus).message == "not added: file is 50 MB, over the 50 MB limit"
    monkeypatch.setattr(ingest_sources, "MAX_TEXT_BYTES", 1000)
    big = write(tmp_path, "long.txt", SHORT_TEXT * 20)
    outcome = add_one(big, corpus)
    assert outcome.status == "rejected" and "over the 0.0 MB limit" in outcome.message
    monkeypatch.setattr(ingest_sources, "MAX_CONTAINER_BYTES", 1000)
    outcome = add_one("-", corpus, stdin=io.BytesIO(b"x" * 2000))
    assert outcome.status == "rejected" and "input is over" in outcome.message
    assert snapshot(corpus) is None


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path, corpus: Path) -> None:
    path = write(tmp_path, "secret.txt", SHORT_TEXT)
    path.chmod(0)
    assert add_one(path, corpus).message == "not added: cannot read the file: Permission denied"


def test_permission_denied_is_one_line(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as the test above, for a root user: the error is simulated where the file is opened."""
    path = write(tmp_path, "secret.txt", SHORT_TEXT)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    assert add_one(path, corpus).message == "not added: cannot read the file: Permission denied"
    assert snapshot(corpus) is None


def test_a_bad_input_does_not_stop_the_others(corpus: Path) -> None:
    outcomes = add(
        [INGEST / "absent.txt", INGEST / "communique.txt", INGEST / "junk.bin", INGEST / "communique.pdf"],
        corpus,
    )
    assert [o.status for o in outcomes] == ["rejected", "added", "rejected", "added"]
    assert sorted(p.name for p in corpus.iterdir()) == sorted([HTML_NAME, PDF_NAME])


def test_a_parser_crash_is_a_rejection(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(raw: bytes) -> None:
        raise ValueError("arbre trop profond\npour lxml")

    monkeypatch.setattr(ingest_sources, "_html", crash)
    outcomes = add([INGEST / "communique.html", INGEST / "communique.pdf"], corpus)
    assert [o.status for o in outcomes] == ["rejected", "added"]
    assert (
        outcomes[0].message == "not added: cannot extract the text (ValueError: arbre trop profond pour lxml)"
    )


def test_a_failed_write_leaves_nothing_behind(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_one(INGEST / "communique.txt", corpus)
    before = snapshot(corpus)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ingest_store.os, "fsync", disk_full)
    outcome = add_one(INGEST / "communique.pdf", corpus)
    assert outcome.status == "rejected"
    assert outcome.message == "not added: cannot write into the corpus: No space left on device"
    assert snapshot(corpus) == before  # no temporary file either


def test_a_corpus_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus", "pas un dossier")
    with pytest.raises(IngestError, match="not a folder"):
        add_documents([INGEST / "communique.txt"], path)


# --- the rules, one by one -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris, le 12 mars 2024\nLe ministre a annoncé…", dt.date(2024, 3, 12)),
        ("Communiqué de presse\nSaint-Denis, le 1er février 2023", dt.date(2023, 2, 1)),
        ("Aix-en-Provence, 3 mai 2022 – La ville inaugure un parc.", dt.date(2022, 5, 3)),
        ("Le mardi 9 janvier 2024\nLa préfecture rappelle les consignes.", dt.date(2024, 1, 9)),
        ("Publié le 04/04/2024\nLa mairie recrute.", dt.date(2024, 4, 4)),
        ("15 aout 2021\nFête du village.", dt.date(2021, 8, 15)),
        ("Le 12 mars 2024, le conseil a voté le budget.", dt.date(2024, 3, 12)),
        ("La réunion du 12 mars 2024 a été reportée.", None),  # a date inside a sentence
        ("Paris, le 31 février 2024\nTexte.", None),  # no such day
        ("Nous visons 2030 pour la neutralité.", None),
        ("\n".join(["Ligne de texte."] * 10) + "\nParis, le 2 mars 2024", None),  # too far down
    ],
)
def test_dateline(text: str, expected: dt.date | None) -> None:
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "COMMUNIQUÉ DE PRESSE\nParis, le 2 mai 2024\nUn nouveau pont sur la Loire\nTexte.",
            "Un nouveau pont sur la Loire",
        ),
        (
            "## Lancement du budget participatif\n\nLes habitants proposent.",
            "Lancement du budget participatif",
        ),
        (
            "Information presse\nContact presse\nSous embargo jusqu’au 3 mai\nFermeture de la piscine",
            "Fermeture de la piscine",
        ),
        (
            "Le conseil municipal a adopté hier soir, à l’unanimité, le budget primitif de la commune "
            "pour l’année 2024.",
            None,
        ),
        ("Communiqué de presse\n\n2024", None),
    ],
)
def test_infer_title(text: str, expected: str | None) -> None:
    assert infer_title(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Microsoft Word - CP_piscine_v2.docx", None),
        ("cp-piscine.pdf", None),
        ("Document1", None),
        ("Sans titre", None),
        ("Communiqué de presse", None),
        ("  Réouverture de la   piscine\n", "Réouverture de la piscine"),
    ],
)
def test_usable_title(value: str, expected: str | None) -> None:
    assert usable_title(value) == expected


def test_slugify() -> None:
    assert slugify("L’école « Jean-Moulin » rouvre !") == "l-ecole-jean-moulin-rouvre"
    assert slugify("Cœur de ville : ÉTÉ 2024") == "coeur-de-ville-ete-2024"
    assert slugify("a" * 100) == "a" * 60
    assert slugify("mot-" * 30) == "-".join(["mot"] * 15)  # cut at a hyphen, never mid-word
    assert slugify("../..//") == ""


def test_unwrap_lines_keeps_headings_bullets_and_sentences_apart() -> None:
    text = "\n".join(
        [
            "Rénovation de la médiathèque",
            "La commune engage des travaux de rénovation énergétique de la médiathèque",
            "municipale, qui restera ouverte pendant toute la durée du chantier.",
            "Calendrier :",
            "- Début des travaux en septembre",
            "- Fin prévue au printemps",
            "Le coût total de l’opération atteint un montant de trois millions d’euros hors",
            "Taxes, financés par la commune.",
        ]
    )
    assert unwrap_lines(text).splitlines() == [
        "Rénovation de la médiathèque",
        "La commune engage des travaux de rénovation énergétique de la médiathèque municipale, qui "
        "restera ouverte pendant toute la durée du chantier.",
        "Calendrier :",
        "- Début des travaux en septembre",
        "- Fin prévue au printemps",
        "Le coût total de l’opération atteint un montant de trois millions d’euros hors Taxes, "
        "financés par la commune.",
    ]


def test_unwrap_keeps_a_hyphen_at_a_line_end() -> None:
    text = "Le porte-parole du gouvernement et le sous-\npréfet se sont rendus sur place hier."
    assert (
        unwrap_lines(text)
        == "Le porte-parole du gouvernement et le sous-préfet se sont rendus sur place hier."
    )


def test_strip_running_lines_only_drops_lines_on_every_page() -> None:
    pages = ["Ville de Brest\nPremier texte.\n1/2", "Ville de Brest\nSecond texte.\n2/2"]
    assert strip_running_lines(pages) == ["Premier texte.", "Second texte."]
    assert strip_running_lines(["Brest\nUn.", "Autre\nDeux."]) == ["Brest\nUn.", "Autre\nDeux."]
    assert strip_running_lines(["Brest\nUn.", "", "Brest\nDeux."]) == ["Un.", "", "Deux."]  # a scanned page
    assert strip_running_lines(["Une seule page.\n1"]) == ["Une seule page.\n1"]


@pytest.mark.parametrize(
    ("raw", "suffix", "kind"),
    [
        (b"%PDF-1.7\n...", ".txt", "pdf"),  # the bytes decide, not the name
        (b"<!DOCTYPE html><html><body>x</body></html>", "", "html"),
        (b"\xef\xbb\xbf<html lang='fr'>", "", "html"),
        (b"<p>Un paragraphe</p>", ".html", "html"),
        (b"<html> dans un texte", ".txt", "text"),
        (b"Un texte tout simple.", "", "text"),
        (b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n", "", "mhtml"),
    ],
)
def test_sniff(raw: bytes, suffix: str, kind: str) -> None:
    assert sniff(raw, suffix) == kind


# --- issue 28: what `add` writes and says -------------------------------------------------------

RELEASE = (
    "Un nouveau réseau de bus pour le Golfe\n\n"
    "Vannes, le 14 février 2024\n\n"
    "Le syndicat mixte du Golfe a présenté mardi le nouveau réseau de bus, qui desservira douze communes "
    "à partir du 2 septembre. Chaque village aura au moins six allers et retours par jour vers Vannes, "
    "et les lignes scolaires seront ouvertes à tous les voyageurs. Le tarif unique de deux euros reste "
    "inchangé, et l'abonnement mensuel des moins de vingt-six ans baisse de dix euros.\n\n"
    "« Chaque village aura sa ligne », a déclaré Gaëlle Kerbrat, présidente du syndicat mixte.\n"
)


def test_the_detected_date_and_title_are_written_into_the_front_matter(corpus: Path) -> None:
    outcome = add_one("-", corpus, stdin=io.BytesIO(RELEASE.encode()))
    assert outcome.path == corpus / "2024-02-14-un-nouveau-reseau-de-bus-pour-le-golfe.md"
    assert outcome.path.read_text(encoding="utf-8").startswith(
        "---\ndate: '2024-02-14'\ntitle: Un nouveau réseau de bus pour le Golfe\n---\n"
    )
    # what the user gives still wins over what is detected
    other = RELEASE.replace("douze", "quinze")
    outcome = add_one("-", corpus, stdin=io.BytesIO(other.encode()), date=dt.date(2024, 2, 15), title="Bus")
    assert read_back(outcome.path).metadata == {"date": "2024-02-15", "title": "Bus"}  # type: ignore[arg-type]


def test_an_invalid_input_date_is_ignored_not_a_crash(corpus: Path, tmp_path: Path) -> None:
    source = write(tmp_path, "cp.md", "---\ndate: 2024-13-45\n---\n" + RELEASE)
    outcome = add_one(source, corpus)
    assert outcome.status == "added"
    assert outcome.warnings == ("front matter date '2024-13-45' is not YYYY-MM-DD: ignored",)
    assert read_back(outcome.path).metadata["date"] == "2024-02-14"  # type: ignore[arg-type]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_corpus_files_are_readable_by_others(corpus: Path) -> None:
    old = os.umask(0o022)
    try:
        outcome = add_one("-", corpus, stdin=io.BytesIO(RELEASE.encode()))
    finally:
        os.umask(old)
    assert outcome.path is not None and outcome.path.stat().st_mode & 0o777 == 0o644


def test_a_release_resent_under_a_new_heading_is_reported(corpus: Path) -> None:
    first = add_one("-", corpus, stdin=io.BytesIO(RELEASE.encode()))
    heading = "Transports : douze communes desservies"
    resent = RELEASE.replace("Un nouveau réseau de bus pour le Golfe", heading)
    outcome = add_one("-", corpus, stdin=io.BytesIO(resent.encode()))
    assert outcome.status == "added" and len(outcome.warnings) == 1
    assert outcome.warnings[0].startswith(f"nearly the same text as {first.path} (")
    assert outcome.warnings[0].endswith("alike): a new version of it?")
    # another release of the same publisher, same closing line: not a version of the first
    different = (
        "Travaux sur le pont de Kerino\n\nVannes, le 20 février 2024\n\n"
        "Le pont de Kerino sera fermé aux voitures du 4 au 29 mars pour remplacer ses joints de chaussée. "
        "Une déviation passera par le boulevard de la Paix, et les piétons garderont un passage protégé "
        "sur le côté est. Les bus de la ligne 5 s'arrêteront place Gambetta pendant les travaux.\n\n"
        "« Chaque village aura sa ligne », a déclaré Gaëlle Kerbrat, présidente du syndicat mixte.\n"
    )
    assert add_one("-", corpus, stdin=io.BytesIO(different.encode())).warnings == ()


def test_a_text_over_the_analysis_limit_is_refused_in_one_line(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_CHARS", 500)
    outcome = add_one("-", corpus, stdin=io.BytesIO(RELEASE.encode()))
    assert outcome.status == "rejected"
    assert outcome.message == (
        f"not added: the text is {len(RELEASE):,} characters, over the 500 the analysis takes"
    )
    assert snapshot(corpus) is None


def test_a_missing_corpus_folder_is_an_error_unless_created(corpus: Path) -> None:
    with pytest.raises(IngestError, match="corpus folder not found: .*--create"):
        add_documents([INGEST / "communique.txt"], corpus, create=False)
    assert not corpus.exists()
    assert add_documents([INGEST / "communique.txt"], corpus, create=True)[0].status == "added"
