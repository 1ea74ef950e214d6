"""Charts as inline SVG strings, drawn with matplotlib (no pyplot: no global state, no display needed).

Each SVG is made embeddable: the XML prologue and metadata are dropped, its ids get a per-chart prefix
(several SVGs share one HTML id space), and it scales to its container. Text stays text
(svg.fonttype none), so the file stays small and the labels can be searched and copied.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "pipeline-report",  # deterministic ids: the same tables give the same file
    "svg.image_inline": True,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
}
BAR = "#4c78a8"
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')
_SIZE = re.compile(r'<svg([^>]*?) width="([\d.]+)pt" height="([\d.]+)pt"')


def plain(label: object, limit: int = 48) -> str:
    """A data string as matplotlib text: no mathtext ($), bounded length."""
    text = " ".join(str(label).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("$", r"\$")


def to_svg(fig: Figure, prefix: str, title: str) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context(_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    svg = _SIZE.sub(
        lambda m: (
            f'<svg{m.group(1)} width="{m.group(2)}pt" height="{m.group(3)}pt" class="chart" '
            f'role="img" aria-label="{_attr(title)}"'
        ),
        svg,
        count=1,
    )
    svg = svg.replace("font-family:'DejaVu Sans'", "font-family:'DejaVu Sans',Arial,sans-serif")
    return svg.strip()


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), layout="constrained")


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    prefix: str,
    title: str,
    horizontal: bool = False,
    xlabel: str = "",
) -> str:
    """Bars with their value written on them; horizontal bars for long labels (sources, names)."""
    labels = [plain(x, 40) for x in labels]
    n = len(labels)
    with matplotlib.rc_context(_RC):
        if horizontal:
            fig = _figure(7.5, max(1.6, 0.9 + 0.26 * n))
            ax = fig.add_subplot()
            bars = ax.barh(range(n), values, color=BAR)
            ax.set_yticks(range(n), labels)
            ax.invert_yaxis()
            ax.set_xlabel(xlabel)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        else:
            fig = _figure(min(12.5, max(6.0, 1.5 + 0.3 * n)), 3.0)
            ax = fig.add_subplot()
            bars = ax.bar(range(n), values, color=BAR, width=0.8)
            step = max(1, int(np.ceil(n / 36)))  # at most ~36 tick labels
            ticks = list(range(0, n, step))
            ax.set_xticks(
                ticks,
                [labels[i] for i in ticks],
                rotation=60 if n > 8 else 0,
                ha="right" if n > 8 else "center",
            )
            ax.set_ylabel(xlabel)
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xlim(-0.6, n - 0.4)
        if n <= 40:
            ax.bar_label(bars, fmt="%g", padding=2, fontsize=7.5)
        ax.margins(x=0.08 if horizontal else 0.01, y=0.12 if not horizontal else 0.02)
        ax.set_title(plain(title, 120), loc="left")
    return to_svg(fig, prefix, title)


def heatmap(
    matrix: np.ndarray,
    rows: Sequence[str],
    cols: Sequence[str],
    *,
    prefix: str,
    title: str,
    cmap: str = "Blues",
    colorbar_label: str = "",
) -> str:
    """A count matrix; cells carry their number when it fits (empty cells stay blank)."""
    n_rows, n_cols = matrix.shape
    rows = [plain(r, 44) for r in rows]
    cols = [plain(c, 32) for c in cols]
    with matplotlib.rc_context(_RC):
        fig = _figure(min(14.0, max(5.5, 3.2 + 0.3 * n_cols)), max(2.2, 1.6 + 0.27 * n_rows))
        ax = fig.add_subplot()
        shown = np.ma.masked_where(matrix == 0, matrix)
        image = ax.imshow(shown, cmap=cmap, aspect="auto", interpolation="nearest", vmin=0)
        ax.set_facecolor("#f4f4f4")
        ax.set_xticks(range(n_cols), cols, rotation=60, ha="right", rotation_mode="anchor")
        ax.set_yticks(range(n_rows), rows)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        peak = float(matrix.max()) if matrix.size else 0.0
        if n_rows * n_cols <= 900:
            for (i, j), value in np.ndenumerate(matrix):
                if value:
                    color = "white" if value > peak * 0.6 else "#222"
                    ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=7, color=color)
        if peak:
            bar = fig.colorbar(image, ax=ax, shrink=0.8, label=colorbar_label, pad=0.01)
            bar.locator = MaxNLocator(integer=True)
            bar.update_ticks()
        ax.set_title(plain(title, 120), loc="left")
    return to_svg(fig, prefix, title)
