"""What every chart shares: the palette, the sizes, the rc parameters, one way to render
a chart to bytes (SVG, PNG, PDF), one legend, the axes and their tick labels.

A chart is described by a :class:`ChartSpec` (title, caption, a function that draws on
the axes, the figure's height); :func:`render` turns any spec into bytes. matplotlib is
imported inside the functions that draw, never at module level, so that importing
:mod:`pactcalc.render.charts` stays quick. Figures are ``matplotlib.figure.Figure``
objects with an Agg canvas: pyplot is never used, so no global figure state is left
behind. rcParams are set inside ``matplotlib.rc_context`` only (restored afterwards).

Time axis: calendar year ``y`` spans the interval ``[y, y + 1)``, its label in the
middle. A bar or a step of year ``y`` fills that interval; the payback moment, measured
from the start of ``start_year`` (DOMAIN.md §2), is the vertical line at
``start_year + payback_years``.

Output is deterministic: a fixed ``svg.hashsalt`` per chart (so that the ids of several
charts inlined in one HTML page do not collide), no date in the metadata, and text kept
as SVG ``<text>`` (``svg.fonttype = 'none'``): small and searchable; the HTML names the
font stack (:data:`FONT_STACK`). The XML declaration and DOCTYPE are left out, so that
the text can be inlined in HTML as is; it is also a valid ``.svg`` file (UTF-8).
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pactcalc.i18n import money, number, t
from pactcalc.metrics import Kind
from pactcalc.render.text import visible

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision
# deficiencies, and distinct in greyscale print for the darker ones.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GRID_GREY = "#dddddd"
PARTNER_COLOURS = (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW)
# After seven partners the colours repeat, with a hatch to tell them apart.
PARTNER_HATCHES = ("", "///", "\\\\\\", "...", "xxx")

# The SVG names this stack on every text; text is measured with DejaVu Sans.
FONT_STACK = '"DejaVu Sans", "Bitstream Vera Sans", Arial, Helvetica, sans-serif'

# Sizes. The figure fits A4 portrait between 2 cm margins.
WIDTH_IN = 7.0
HEIGHT_IN = 3.5
# Each row of legend beyond two adds this much height (the business charts grow with
# their legend, so that the plot keeps its height).
LEGEND_ROW_IN = 0.2
# Characters a caption line (8 pt) and a legend row (8.5 pt, a handle counting for 5)
# hold over WIDTH_IN. The business charts were laid out with the wider estimate, the
# uncertainty charts with the narrower one (DejaVu Sans averages about 0.55 em); both
# are kept, so that no chart's layout moves.
CAPTION_CHARS = 120
LEGEND_CHARS = 105
CAPTION_CHARS_NARROW = 110
LEGEND_CHARS_NARROW = 90

RC_PARAMS: dict[str, Any] = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Bitstream Vera Sans", "Arial", "Helvetica"],
    "font.size": 9,
    "axes.labelsize": 9,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "hatch.linewidth": 0.8,
}

#: Draws a chart's content on its figure and axes (title and caption are drawn around it).
Draw = Callable[["Figure", "Axes"], None]


@dataclass(frozen=True)
class ChartSpec:
    """A chart ready to render: its name (it seeds the SVG ids), title, caption, the
    drawing, the figure's height, how many characters a caption line holds, and the
    title in the SVG's metadata."""

    name: str
    title: str
    caption: str
    draw: Draw
    height: float = HEIGHT_IN
    caption_chars: int = CAPTION_CHARS
    document_title: str = ""


def render(spec: ChartSpec, fmt: str = "svg", dpi: int = 72) -> bytes:
    """The chart as bytes in a format matplotlib writes (``svg``, ``png``, ``pdf``)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rc: dict[Any, Any] = {**RC_PARAMS, "svg.hashsalt": f"pactcalc-{spec.name}"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(WIDTH_IN, spec.height), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        title = fig.suptitle(visible(spec.title), x=0.01, ha="left", fontsize=10, fontweight="bold")
        title.set_parse_math(False)  # a scenario named "$x$" is text, not mathematics
        spec.draw(fig, ax)
        caption = textwrap.fill(visible(spec.caption), spec.caption_chars)
        fig.supxlabel(caption, x=0.01, ha="left", fontsize=8).set_parse_math(False)
        buffer = io.BytesIO()
        # the SVG's <title>: the scenario's name, its control characters escaped (XML
        # forbids most of them; matplotlib escapes only <, > and &)
        document_title = visible(spec.document_title or spec.title)
        metadata = {"Date": None, "Title": document_title} if fmt == "svg" else None
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def svg_text(spec: ChartSpec) -> str:
    """The chart as SVG text, inlinable in HTML: from ``<svg`` on (no XML declaration)."""
    text = render(spec, "svg", 72).decode("utf-8")
    return text[text.index("<svg") :]


def legend(
    ax: Axes,
    handles: Sequence[Any],
    *,
    row_chars: int = LEGEND_CHARS,
    balanced_rows: bool = False,
    grows_figure: bool = False,
    from_figure_edge: bool = False,
) -> None:
    """The legend above the axes, in as many columns as fit a row of ``row_chars``
    characters (a handle counts for 5).

    ``balanced_rows``: the rows filled evenly rather than the first ones full.
    ``grows_figure``: beyond two rows the figure grows, so that the plot keeps its
    height. ``from_figure_edge``: the legend starts at the figure's left edge rather
    than the axes' (the tornado's long tick labels leave its axes narrow).
    """
    if not handles:
        return
    from matplotlib.figure import Figure
    from matplotlib.transforms import blended_transform_factory

    widest = max(len(visible(handle.get_label())) for handle in handles) + 5
    columns = max(1, min(len(handles), row_chars // widest))
    if balanced_rows:
        columns = math.ceil(len(handles) / math.ceil(len(handles) / columns))
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    anchor_x, transform = (0.0, ax.transAxes)
    if from_figure_edge:
        anchor_x, transform = 0.005, blended_transform_factory(figure.transFigure, ax.transAxes)
    shown = ax.legend(
        handles=list(handles),
        loc="lower left",
        bbox_to_anchor=(anchor_x, 1.02),
        bbox_transform=transform,
        borderaxespad=0,
        frameon=False,
        ncols=columns,
    )
    rows = math.ceil(len(handles) / columns)
    if grows_figure and rows > 2:
        figure.set_figheight(HEIGHT_IN + LEGEND_ROW_IN * (rows - 2))
    for text in shown.get_texts():
        text.set_text(visible(text.get_text()))  # a partner's name may hold an ESC
        text.set_parse_math(False)  # a partner named "$x$" is text, not mathematics


# ---------------------------------------------------------------------------- axes


def value_grid(ax: Axes, axis: str = "y") -> None:
    """Light grid lines across the plot at the value axis' ticks."""
    ax.grid(axis=axis, color=GRID_GREY, linewidth=0.6)  # type: ignore[arg-type]


def year_axis(ax: Axes, years: Sequence[int], lang: str) -> None:
    """Calendar years on the x axis: a label in the middle of each year's interval (every
    other year or more beyond 15 years), a minor tick at each year's edge."""
    step = max(1, math.ceil(len(years) / 15))
    shown = years[::step]
    ax.set_xlim(years[0], years[-1] + 1)
    ax.set_xticks(year_centres(shown), [str(y) for y in shown])
    ax.set_xticks([*years, years[-1] + 1], minor=True)
    ax.tick_params(axis="x", which="major", length=0)
    ax.tick_params(axis="x", which="minor", length=4)
    ax.set_xlabel(t("chart.year", lang))


def value_axis(ax: Axes, kind: Kind | None, lang: str, label: str, axis: str = "y") -> None:
    """The ``axis`` of a value of ``kind``: at most six round ticks, labelled as euros
    (:func:`money_tick`), years (one decimal) or plain numbers (two decimals)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))

    class AxisFormatter(FuncFormatter):
        """A tick label that knows all the axis' ticks (money needs them for decimals)."""

        ticks: list[float] = []

        def set_locs(self, locs: list[float]) -> None:
            super().set_locs(locs)
            self.ticks = [float(loc) for loc in locs]

    def tick_label(value: float, _position: Any) -> str:
        if kind == "years":
            return number(value, lang, 1)
        if kind == "money":
            return money_tick(value, formatter.ticks, lang)
        return number(value, lang, 2)

    formatter = AxisFormatter(tick_label)
    target.set_major_formatter(formatter)
    if axis == "x":
        target.set_label_text(label)
    else:
        ax.set_ylabel(label)


def money_tick(value: float, ticks: Sequence[float], lang: str) -> str:
    """A tick label in the locale's euro format; in millions when a tick reaches a
    million, with as few decimals as the ticks need.

    >>> money_tick(250_000, [0, 250_000, 500_000], "nl")
    '€ 250.000'
    >>> [money_tick(v, [0, 5e5, 1e6, 1.5e6], "nl") for v in (0, 5e5, -1.5e6)]
    ['€ 0', '€ 0,5 mln', '€ -1,5 mln']
    >>> [money_tick(v, [0, 1e6, 2e6], "en") for v in (2e6, -1e6)]
    ['€2m', '-€1m']
    """
    largest = max((abs(float(tick)) for tick in ticks), default=abs(value))
    if max(largest, abs(value)) < 1_000_000 or value == 0:
        return money(value, lang)
    millions = [float(tick) / 1_000_000 for tick in ticks] or [value / 1_000_000]
    decimals = next((d for d in range(4) if all(abs(round(m, d) - m) < 1e-9 for m in millions)), 3)
    amount = number(abs(value) / 1_000_000, lang, decimals)
    sign = "-" if value < 0 else ""
    return f"{sign}€{amount}m" if lang == "en" else f"€ {sign}{amount} mln"


# ---------------------------------------------------------------------------- data


def year_series(values: Any, years: Sequence[int]) -> list[float]:
    """A per-year series of the Result as floats; charts show one deterministic run."""
    shape = getattr(values, "shape", None)
    if shape != (len(years),):
        raise ValueError(
            f"a chart needs one value per year (shape ({len(years)},)), not shape {shape}: "
            "charts show a deterministic run, not samples"
        )
    return [float(v) for v in values]


def year_centres(years: Sequence[int]) -> list[float]:
    """The middle of each year's interval on the time axis."""
    return [y + 0.5 for y in years]


def partner_colour(index: int) -> str:
    """The colour of the ``index``-th partner (repeating after seven)."""
    return PARTNER_COLOURS[index % len(PARTNER_COLOURS)]


def partner_hatch(index: int) -> str:
    """The hatch of the ``index``-th partner: none for the first seven, then a pattern."""
    return PARTNER_HATCHES[(index // len(PARTNER_COLOURS)) % len(PARTNER_HATCHES)]
