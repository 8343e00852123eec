"""Charts as SVG text for the HTML and Markdown reports: formatting only.

Every number plotted is a series of the engine's :class:`~pactcalc.engine.Result` as is;
the only arithmetic here is layout (bar positions, the offsets of stacked bars) and
display (scaling a tick label to millions).

matplotlib is imported inside the functions, never at module level, so that
``pactcalc run`` stays quick and matplotlib stays an optional dependency. Figures are
``matplotlib.figure.Figure`` objects with an Agg canvas: pyplot is never used, so no
global figure state is left behind. rcParams are set inside ``matplotlib.rc_context``
only (restored afterwards).

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
from typing import TYPE_CHECKING, Any

from pactcalc.engine import Result
from pactcalc.i18n import label_from, money, number, t, years_text
from pactcalc.model import HEADLINE_METRICS
from pactcalc.render.common import MONEY_METRICS, PAYBACK_METRICS

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
PARTNER_COLOURS = (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW)
# After seven partners the colours repeat, with a hatch to tell them apart.
PARTNER_HATCHES = ("", "///", "\\\\\\", "...", "xxx")

# The SVG names this stack on every text; text is measured with DejaVu Sans.
FONT_STACK = '"DejaVu Sans", "Bitstream Vera Sans", Arial, Helvetica, sans-serif'

WIDTH_IN = 7.0  # fits A4 portrait between 2 cm margins
HEIGHT_IN = 3.5
CAPTION_CHARS = 120
LEGEND_CHARS = 105
LEGEND_ROW_IN = 0.2  # caption line length at 8 pt over the figure's width

_RC: dict[str, Any] = {
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

_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "year": ("Jaar", "Year"),
    "eur_per_year": ("euro per jaar", "euros per year"),
    "eur_cumulative": ("euro, cumulatief", "euros, cumulative"),
    "cumulative_title": ("Cumulatief saldo", "Cumulative net cash flow"),
    "cumulative_negative": (
        "Cumulatief saldo < 0",
        "Cumulative net < 0",
    ),
    "cumulative_positive": (
        "Cumulatief saldo ≥ 0",
        "Cumulative net ≥ 0",
    ),
    "payback_moment": ("Terugverdienmoment", "Payback moment"),
    "payback_label": ("terugverdiend na {years}", "pays back after {years}"),
    "negative_again": ("weer negatief in {year}", "negative again in {year}"),
    "no_payback": ("geen terugverdiening {horizon}", "no payback {horizon}"),
    "cumulative_caption": (
        "Elk jaar beslaat één vak op de tijdas; een staaf is het cumulatieve saldo "
        "(besparing + overige baten − investeringen) aan het eind van dat jaar. De "
        "terugverdientijd telt vanaf het begin van {start}: investeringen vallen aan het "
        "begin van hun jaar, de overige stromen zijn gelijk over het jaar verdeeld.",
        "Each year spans one interval on the time axis; a bar is the cumulative net cash "
        "flow (savings + other benefits − investments) at the end of that year. The payback "
        "is counted from the start of {start}: investments fall at the start of their year, "
        "the other flows are spread evenly over the year.",
    ),
    "effort_title": ("Inzet per partner en beschikbaar budget", "Effort by partner and budget"),
    "budget": ("Beschikbaar budget", "Available budget"),
    "budget_funded": (
        "Uit het budget betaald (inzet en investeringen)",
        "Paid from the budget (effort and investments)",
    ),
    "effort_caption": (
        "Staven: de inzet van elke partner, gestapeld (partners zonder inzet ontbreken). "
        "Lijn: het beschikbare budget per jaar.",
        "Bars: each partner's effort, stacked (partners without effort are left out). "
        "Line: the available budget per year.",
    ),
    "effort_caption_funded": (
        " Stippellijn: wat uit het budget betaald wordt; het verschil met het budget is de ruimte.",
        " Dashed line: what is paid from the budget; its distance to the budget is the headroom.",
    ),
    "baseline_title": (
        "Kosten zonder PACT en in de PACT-situatie",
        "Cost without the PACT and in the PACT situation",
    ),
    "baseline": ("Kosten zonder PACT (nulalternatief)", "Cost without the PACT (baseline)"),
    "pact_cost": (
        "Kosten in de PACT-situatie (inzet en investeringen)",
        "Cost in the PACT situation (effort and investments)",
    ),
    "baseline_caption": (
        "Overige baten zijn hier niet meegenomen; ze staan in het cumulatieve saldo.",
        "Other benefits are not included here; they are in the cumulative net cash flow.",
    ),
}


def _l(key: str, lang: str, **args: Any) -> str:
    return label_from(_LABELS, key, lang, **args)


# ---------------------------------------------------------------------------- public


def cumulative_svg(result: Result, lang: str) -> str:
    """The cumulative net cash flow at the end of each year, the zero line and the payback
    moment (or, in words, that there is none within the horizon)."""
    return _svg("cumulative", result, lang)


def effort_vs_budget_svg(result: Result, lang: str) -> str:
    """Each partner's effort per year, stacked, against the available budget."""
    return _svg("effort_vs_budget", result, lang)


def baseline_vs_pact_svg(result: Result, lang: str) -> str:
    """The cost without the PACT beside the cost in the PACT situation, per year."""
    return _svg("baseline_vs_pact", result, lang)


def all_charts(result: Result, lang: str) -> dict[str, str]:
    """Every chart, by name, in the order the reports show them."""
    return {name: _svg(name, result, lang) for name in _CHARTS}


def captions(result: Result, lang: str) -> dict[str, str]:
    """Title and caption of each chart as plain text, for alt text or a figcaption."""
    return {name: f"{title}. {caption}" for name, (title, caption) in _texts(result, lang).items()}


def chart_bytes(name: str, result: Result, lang: str, fmt: str = "png", dpi: int = 150) -> bytes:
    """One chart in another format matplotlib writes (``png``, ``pdf``), e.g. to look at."""
    return _render(name, result, lang, fmt, dpi)


# ---------------------------------------------------------------------------- drawing


def _svg(name: str, result: Result, lang: str) -> str:
    text = _render(name, result, lang, "svg", 72).decode("utf-8")
    return text[text.index("<svg") :]


def _render(name: str, result: Result, lang: str, fmt: str, dpi: int) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    years = list(result.years)
    draw = _CHARTS[name]
    title, caption = _texts(result, lang)[name]
    rc: dict[Any, Any] = {**_RC, "svg.hashsalt": f"pactcalc-{name}"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        fig.suptitle(title, x=0.01, ha="left", fontsize=10, fontweight="bold")
        draw(fig, ax, result, years, lang)
        _year_axis(ax, years, lang)
        fig.supxlabel(textwrap.fill(caption, CAPTION_CHARS), x=0.01, ha="left", fontsize=8)
        buffer = io.BytesIO()
        metadata = (
            {"Date": None, "Title": f"{result.scenario.name} — {title}"} if fmt == "svg" else None
        )
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def _draw_cumulative(fig: Figure, ax: Axes, result: Result, years: list[int], lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    values = _series(result.cumulative_per_year, years)
    colours = [VERMILLION if v < 0 else BLUISH_GREEN for v in values]
    bars = ax.bar(_centres(years), values, width=0.7, color=colours, zorder=2)
    for bar in bars:  # let the margin below apply at zero too: room for the labels
        bar.sticky_edges.y.clear()
    ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
    _money_axis(ax, lang, _l("eur_cumulative", lang))
    ax.margins(y=0.18)  # room for the payback label above the bars
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)

    handles: list[Any] = []
    if any(v < 0 for v in values):
        handles.append(Patch(color=VERMILLION, label=_l("cumulative_negative", lang)))
    if any(v >= 0 for v in values):
        handles.append(Patch(color=BLUISH_GREEN, label=_l("cumulative_positive", lang)))

    payback = float(result.payback_years)
    horizon = t("within_horizon", lang, years=len(years))
    if math.isnan(payback):
        ax.text(
            0.5,
            0.97,
            _l("no_payback", lang, horizon=horizon),
            transform=ax.transAxes,
            ha="center",
            va="top",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": BLACK},
            zorder=5,
        )
    else:
        x = years[0] + payback
        ax.axvline(x, color=BLACK, linestyle="--", linewidth=1.2, zorder=4)
        label = _l("payback_label", lang, years=years_text(payback, lang, len(years)))
        if result.negative_again_year is not None:
            label += "; " + _l("negative_again", lang, year=result.negative_again_year)
        right_half = x > years[0] + len(years) / 2
        ax.annotate(
            label,
            xy=(x, 0.98),
            xycoords=ax.get_xaxis_transform(),
            xytext=(-4 if right_half else 4, 0),
            textcoords="offset points",
            ha="right" if right_half else "left",
            va="top",
            fontsize=9,
            bbox={"boxstyle": "square,pad=0.2", "facecolor": "white", "edgecolor": "none"},
            zorder=5,
        )
        handles.append(
            Line2D([], [], color=BLACK, linestyle="--", label=_l("payback_moment", lang))
        )
    _legend(fig, ax, handles)


def _draw_effort(fig: Figure, ax: Axes, result: Result, years: list[int], lang: str) -> None:
    centres = _centres(years)
    # Layout only: where each bar starts. Positive efforts stack upwards from zero,
    # negative ones downwards; the stack's top is the Result's effort_per_year.
    up = [0.0] * len(years)
    down = [0.0] * len(years)
    bars: list[Any] = []
    for index, partner in enumerate(result.partners):
        values = _series(partner.effort_per_year, years)
        if not any(values):
            continue
        bottoms = [up[j] if v >= 0 else down[j] for j, v in enumerate(values)]
        bar = ax.bar(
            centres,
            values,
            width=0.7,
            bottom=bottoms,
            color=PARTNER_COLOURS[index % len(PARTNER_COLOURS)],
            hatch=PARTNER_HATCHES[(index // len(PARTNER_COLOURS)) % len(PARTNER_HATCHES)],
            edgecolor="white",
            linewidth=0.5,
            label=partner.name,
            zorder=2,
        )
        bars.append(bar)
        for j, v in enumerate(values):
            if v >= 0:
                up[j] += v
            else:
                down[j] += v
    edges = [*years, years[-1] + 1]
    lines = [
        ax.stairs(
            _series(result.budget_per_year, years),
            edges,
            baseline=None,
            color=BLACK,
            linewidth=2,
            label=_l("budget", lang),
            zorder=4,
        )
    ]
    if _series(result.budget_funded_per_year, years) != _series(result.effort_per_year, years):
        lines.append(
            ax.stairs(
                _series(result.budget_funded_per_year, years),
                edges,
                baseline=None,
                color=BLACK,
                linestyle=(0, (3, 2)),
                linewidth=1.2,
                label=_l("budget_funded", lang),
                zorder=4,
            )
        )
    if any(v < 0 for v in down):
        ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
    _money_axis(ax, lang, _l("eur_per_year", lang))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.margins(y=0.06)
    # Legend: the lines, then the partners top of the stack first, as they are drawn.
    _legend(fig, ax, [*lines, *reversed(bars)])


def _draw_baseline(fig: Figure, ax: Axes, result: Result, years: list[int], lang: str) -> None:
    baseline = ax.bar(
        [y + 0.3 for y in years],
        _series(result.baseline_per_year, years),
        width=0.38,
        color=ORANGE,
        label=_l("baseline", lang),
        zorder=2,
    )
    pact = ax.bar(
        [y + 0.7 for y in years],
        _series(result.pact_cost_per_year, years),
        width=0.38,
        color=BLUE,
        label=_l("pact_cost", lang),
        zorder=2,
    )
    ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
    _money_axis(ax, lang, _l("eur_per_year", lang))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    _legend(fig, ax, [baseline, pact])


_CHARTS: dict[str, Callable[[Figure, Axes, Result, list[int], str], None]] = {
    "cumulative": _draw_cumulative,
    "effort_vs_budget": _draw_effort,
    "baseline_vs_pact": _draw_baseline,
}


def _texts(result: Result, lang: str) -> dict[str, tuple[str, str]]:
    effort_caption = _l("effort_caption", lang)
    if _series(result.budget_funded_per_year, result.years) != _series(
        result.effort_per_year, result.years
    ):
        effort_caption += _l("effort_caption_funded", lang)
    return {
        "cumulative": (
            _l("cumulative_title", lang),
            _l("cumulative_caption", lang, start=result.years[0]),
        ),
        "effort_vs_budget": (_l("effort_title", lang), effort_caption),
        "baseline_vs_pact": (_l("baseline_title", lang), _l("baseline_caption", lang)),
    }


# ---------------------------------------------------------------------------- helpers


def _series(values: Any, years: Sequence[int]) -> list[float]:
    """A per-year series of the Result as floats; charts show one deterministic run."""
    shape = getattr(values, "shape", None)
    if shape != (len(years),):
        raise ValueError(
            f"a chart needs one value per year (shape ({len(years)},)), not shape {shape}: "
            "charts show a deterministic run, not samples"
        )
    return [float(v) for v in values]


def _centres(years: Sequence[int]) -> list[float]:
    return [y + 0.5 for y in years]


def _year_axis(ax: Axes, years: list[int], lang: str) -> None:
    step = max(1, math.ceil(len(years) / 15))
    shown = years[::step]
    ax.set_xlim(years[0], years[-1] + 1)
    ax.set_xticks(_centres(shown), [str(y) for y in shown])
    ax.set_xticks([*years, years[-1] + 1], minor=True)
    ax.tick_params(axis="x", which="major", length=0)
    ax.tick_params(axis="x", which="minor", length=4)
    ax.set_xlabel(_l("year", lang))


def _money_axis(ax: Axes, lang: str, label: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))

    class MoneyFormatter(FuncFormatter):
        """money() on every tick, knowing all the axis' ticks (for the decimals)."""

        ticks: list[float] = []

        def set_locs(self, locs: list[float]) -> None:
            super().set_locs(locs)
            self.ticks = [float(loc) for loc in locs]

    formatter = MoneyFormatter(lambda value, _pos: money_tick(value, formatter.ticks, lang))
    ax.yaxis.set_major_formatter(formatter)
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


def _legend(fig: Figure, ax: Axes, handles: Sequence[Any]) -> None:
    if not handles:
        return
    # Above the plot, in as many columns as fit the width (about LEGEND_CHARS characters
    # a row at 8.5 pt, a handle counting for 5).
    widest = max(len(str(handle.get_label())) for handle in handles) + 5
    columns = max(1, min(len(handles), LEGEND_CHARS // widest))
    legend = ax.legend(
        handles=list(handles),
        loc="lower left",
        bbox_to_anchor=(0, 1.02),
        borderaxespad=0,
        frameon=False,
        ncols=columns,
    )
    rows = math.ceil(len(handles) / columns)
    if rows > 2:  # keep the plot's height: the figure grows with the legend
        fig.set_figheight(HEIGHT_IN + LEGEND_ROW_IN * (rows - 2))
    for text in legend.get_texts():
        text.set_parse_math(False)  # a partner named "$x$" is text, not mathematics


# ---------------------------------------------------------------------------- uncertainty
#
# Charts of the uncertainty section (DOMAIN.md §6): a tornado of the one-way sensitivity,
# the distribution of the NPV over the Monte Carlo samples, a fan chart of the cumulative
# net and each partner's net. Every number plotted is a field of the Sensitivity or the
# Simulation; the histogram's bin counts and the boxes' quartiles are drawn by matplotlib
# (presentation), the whiskers are the Simulation's P5 and P95.

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Mapping

    from pactcalc.uncertainty import Sensitivity, Simulation

_UNCERTAINTY_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "tornado_title": ("Gevoeligheid: {metric} per parameter", "Sensitivity: {metric} by parameter"),
    "tornado_caption": (
        "Elke balk loopt van de uitkomst met alle parameters op hun waarde ({base}) naar de "
        "uitkomst met één parameter op zijn lage of hoge waarde, de andere op hun waarde. "
        "Grootste zwaai bovenaan; tussen haakjes het bereik van de parameter.",
        "Each bar runs from the outcome with every parameter at its value ({base}) to the "
        "outcome with one parameter at its low or high value, the others at their values. "
        "Largest swing at the top; the parameter's range in brackets.",
    ),
    "at_low": ("parameter op laag", "parameter at low"),
    "at_high": ("parameter op hoog", "parameter at high"),
    "base": ("alles op zijn waarde", "all at their values"),
    "threshold": ("drempel: {value}", "threshold: {value}"),
    "threshold_left": (
        "drempel {value}: links buiten beeld",
        "threshold {value}: off the chart, left",
    ),
    "threshold_right": (
        "drempel {value}: rechts buiten beeld",
        "threshold {value}: off the chart, right",
    ),
    "beyond": ("buiten de horizon", "beyond the horizon"),
    "no_uncertain": ("Geen parameter met een bereik.", "No parameter with a range."),
    "npv_title": (
        "Verdeling van de netto contante waarde",
        "Distribution of the net present value",
    ),
    "npv_caption": (
        "Histogram van de NCW over {n} trekkingen (seed {seed}); lijnen: P5, P50 (mediaan) "
        "en P95. {probability}",
        "Histogram of the NPV over {n} samples (seed {seed}); lines: P5, P50 (median) and "
        "P95. {probability}",
    ),
    "npv_axis": ("netto contante waarde (euro)", "net present value (euros)"),
    "samples_axis": ("aantal trekkingen", "number of samples"),
    "p_npv": ("P(NCW > 0) = {p} (± {se}).", "P(NPV > 0) = {p} (± {se})."),
    "zero": ("nul", "zero"),
    "fan_title": ("Cumulatief saldo: bandbreedte", "Cumulative net: range"),
    "fan_caption": (
        "Het cumulatieve saldo aan het eind van elk jaar over {n} trekkingen: de band loopt "
        "van P10 tot P90, de lijn is de mediaan (P50). Per jaar bepaald: de lijn is niet één "
        "trekking.",
        "The cumulative net at the end of each year over {n} samples: the band runs from P10 "
        "to P90, the line is the median (P50). Taken year by year: the line is not one "
        "sample.",
    ),
    "band": ("P10–P90", "P10–P90"),
    "median": ("mediaan (P50)", "median (P50)"),
    "partners_title": ("Saldo per partner", "Net per partner"),
    "partners_caption": (
        "Het saldo van elke partner over {n} trekkingen: de doos loopt van P25 tot P75, de "
        "streep is de mediaan, de snorharen lopen van P5 tot P95. Onder de naam de kans op "
        "een negatief saldo.",
        "Each partner's net over {n} samples: the box runs from P25 to P75, the bar is the "
        "median, the whiskers run from P5 to P95. Under the name the chance of a negative "
        "net.",
    ),
    "p_negative": ("P(saldo < 0) = {p}", "P(net < 0) = {p}"),
    "net_axis": ("saldo over de looptijd (euro)", "net over the horizon (euros)"),
    "years_axis": ("jaar", "years"),
}

_METRIC_SHORT: dict[str, tuple[str, str]] = {
    "npv": ("NCW", "NPV"),
    "headroom_min": ("laagste ruimte", "lowest headroom"),
    "payback_years": ("terugverdientijd", "payback"),
    "discounted_payback_years": ("verdisconteerde terugverdientijd", "discounted payback"),
}


def _u(key: str, lang: str, **args: Any) -> str:
    return label_from(_UNCERTAINTY_LABELS, key, lang, **args)


def _metric_short(metric: str, lang: str) -> str:
    if metric in _METRIC_SHORT:
        nl, en = _METRIC_SHORT[metric]
        return en if lang == "en" else nl
    return metric


_PAYBACK_METRICS = PAYBACK_METRICS
_MONEY_METRICS = MONEY_METRICS


def _plain(value: float, lang: str) -> str:
    """An input number as written: as few decimals as it needs (up to four)."""
    value = float(value)
    decimals = next((d for d in range(5) if abs(round(value, d) - value) < 1e-9), 4)
    return number(value, lang, decimals)


def tornado_svg(sens: Sensitivity, lang: str) -> str:
    """The one-way sensitivity as a tornado: per parameter (largest swing at the top) a
    bar from the base outcome to the outcome at low and one to the outcome at high."""
    return _uncertainty_svg("tornado", _tornado_spec(sens, lang))


def npv_distribution_svg(sim: Simulation, lang: str) -> str:
    """A histogram of the simulated NPV with the P5, P50 and P95 lines."""
    return _uncertainty_svg("npv_distribution", _npv_spec(sim, lang))


def fan_chart_svg(sim: Simulation, result_years: Sequence[int], lang: str) -> str:
    """The cumulative net per year: the P10–P90 band around the median."""
    return _uncertainty_svg("fan_chart", _fan_spec(sim, list(result_years), lang))


def partner_nets_svg(sim: Simulation, partner_names: Mapping[str, str], lang: str) -> str:
    """Each partner's net over the horizon, a box per partner (whiskers P5–P95)."""
    return _uncertainty_svg("partner_nets", _partners_spec(sim, partner_names, lang))


def uncertainty_chart_bytes(
    name: str, *args: Any, lang: str = "nl", fmt: str = "png", dpi: int = 150
) -> bytes:
    """One uncertainty chart in another format (``png``, ``pdf``), e.g. to look at:
    ``uncertainty_chart_bytes("tornado", sens, lang="en")``; the arguments are those of
    the chart's ``…_svg`` function without ``lang``."""
    specs: dict[str, Callable[..., _Spec]] = {
        "tornado": _tornado_spec,
        "npv_distribution": _npv_spec,
        "fan_chart": lambda sim, years, lang: _fan_spec(sim, list(years), lang),
        "partner_nets": _partners_spec,
    }
    return _render_spec(name, specs[name](*args, lang), fmt, dpi)


# A chart to draw: title, caption, the drawing, and the figure's height in inches.
_Spec = tuple[str, str, Callable[["Figure", "Axes"], None], float]


# Characters a caption line holds at 8 pt over WIDTH_IN (DejaVu Sans averages about 0.55 em).
_CAPTION_CHARS = 110
_LEGEND_CHARS = 90


def _uncertainty_legend(ax: Axes, handles: Sequence[Any], from_figure_edge: bool = False) -> None:
    """The legend above the axes, in as many columns as fit; ``from_figure_edge``: starting
    at the figure's left edge rather than the axes' (the tornado's long tick labels leave
    its axes narrow)."""
    from matplotlib.transforms import blended_transform_factory

    widest = max(len(str(handle.get_label())) for handle in handles) + 5
    most = max(1, min(len(handles), _LEGEND_CHARS // widest))
    columns = math.ceil(len(handles) / math.ceil(len(handles) / most))  # rows filled evenly
    figure = ax.get_figure()
    assert figure is not None
    legend = ax.legend(
        handles=list(handles),
        loc="lower left",
        bbox_to_anchor=(0.005 if from_figure_edge else 0, 1.02),
        bbox_transform=blended_transform_factory(figure.transFigure, ax.transAxes)
        if from_figure_edge
        else ax.transAxes,
        borderaxespad=0,
        frameon=False,
        ncols=columns,
    )
    for text in legend.get_texts():
        text.set_parse_math(False)


def _uncertainty_svg(name: str, spec: _Spec) -> str:
    text = _render_spec(name, spec, "svg", 72).decode("utf-8")
    return text[text.index("<svg") :]


def _render_spec(name: str, spec: _Spec, fmt: str, dpi: int) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    title, caption, draw, height = spec
    rc: dict[Any, Any] = {**_RC, "svg.hashsalt": f"pactcalc-{name}"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(WIDTH_IN, height), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        fig.suptitle(title, x=0.01, ha="left", fontsize=10, fontweight="bold")
        draw(fig, ax)
        fig.supxlabel(textwrap.fill(caption, _CAPTION_CHARS), x=0.01, ha="left", fontsize=8)
        buffer = io.BytesIO()
        metadata = {"Date": None, "Title": title} if fmt == "svg" else None
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def _metric_axis(ax: Axes, metric: str, lang: str, label: str, axis: str = "x") -> None:
    """Ticks of a metric: euros (money_tick), years, or plain numbers."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))

    class TickFormatter(FuncFormatter):
        ticks: list[float] = []

        def set_locs(self, locs: list[float]) -> None:
            super().set_locs(locs)
            self.ticks = [float(loc) for loc in locs]

    def tick(value: float, _pos: Any) -> str:
        if metric in _PAYBACK_METRICS:
            return number(value, lang, 1)
        if metric in _MONEY_METRICS:
            return money_tick(value, formatter.ticks, lang)
        return number(value, lang, 2)

    formatter = TickFormatter(tick)
    target.set_major_formatter(formatter)
    target.set_label_text(label)


def _metric_value(metric: str, value: float, lang: str) -> str:
    if math.isnan(value):
        return _u("beyond", lang)
    if metric in _PAYBACK_METRICS:
        return t("n_years", lang, n=number(value, lang, 1))
    if metric in _MONEY_METRICS:
        return money(value, lang)
    return number(value, lang, 2)


def _tornado_spec(sens: Sensitivity, lang: str) -> _Spec:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    swings = sens.swings
    short = _metric_short(sens.metric, lang)
    title = _u("tornado_title", lang, metric=short)
    caption = _u("tornado_caption", lang, base=_metric_value(sens.metric, sens.base, lang))
    height = max(HEIGHT_IN, 1.6 + 0.32 * len(swings))

    def draw(fig: Figure, ax: Axes) -> None:
        base = float(sens.base)
        if not swings:
            ax.text(0.5, 0.5, _u("no_uncertain", lang), transform=ax.transAxes, ha="center")
            ax.set_axis_off()
            return
        for row, swing in enumerate(swings):
            for offset, value, colour in (
                (-0.19, swing.at_low, BLUE),
                (0.19, swing.at_high, ORANGE),
            ):
                if math.isnan(value) or math.isnan(base):
                    ax.text(
                        0.99,
                        row + offset,
                        _u("beyond", lang),
                        transform=ax.get_yaxis_transform(),
                        ha="right",
                        va="center",
                        fontsize=7.5,
                        color=colour,
                    )
                    continue
                # layout: a bar starts at the base outcome and ends at the outcome
                ax.barh(row + offset, value - base, left=base, height=0.36, color=colour, zorder=2)
        ax.axvline(base, color=BLACK, linewidth=1.2, zorder=3)
        handles: list[Any] = [
            Patch(color=BLUE, label=_u("at_low", lang)),
            Patch(color=ORANGE, label=_u("at_high", lang)),
            Line2D([], [], color=BLACK, label=_u("base", lang)),
        ]
        if sens.threshold is not None:
            # the threshold line only where it does not squash the bars; else in words
            shown = _metric_value(sens.metric, float(sens.threshold), lang)
            ends = [v for s in swings for v in (s.at_low, s.at_high, base) if not math.isnan(v)]
            if ends and min(ends) <= sens.threshold <= max(ends):
                ax.axvline(
                    sens.threshold, color=VERMILLION, linestyle="--", linewidth=1.2, zorder=3
                )
                label = _u("threshold", lang, value=shown)
            else:
                side = "left" if ends and sens.threshold < min(ends) else "right"
                label = _u(f"threshold_{side}", lang, value=shown)
            handles.append(Line2D([], [], color=VERMILLION, linestyle="--", label=label))
        labels = [f"{s.parameter} ({_plain(s.low, lang)} – {_plain(s.high, lang)})" for s in swings]
        ax.set_yticks(range(len(swings)), labels, parse_math=False)
        ax.set_ylim(len(swings) - 0.5, -0.5)  # largest swing at the top
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.margins(x=0.04)
        axis_label = t(sens.metric, lang) if sens.metric in _METRIC_LABEL_KEYS else sens.metric
        if sens.metric in _PAYBACK_METRICS:
            axis_label += f" ({_u('years_axis', lang)})"
        _metric_axis(ax, sens.metric, lang, axis_label)
        _uncertainty_legend(ax, handles, from_figure_edge=True)

    return title, caption, draw, height


# metrics with a label in pactcalc.i18n
_METRIC_LABEL_KEYS = HEADLINE_METRICS


def _percent(fraction: float, lang: str) -> str:
    from pactcalc.i18n import percent

    return percent(fraction, lang, 1)


def _probability(sim: Simulation, event: str) -> Any:
    return next((p for p in sim.probabilities if p.event == event), None)


def _npv_spec(sim: Simulation, lang: str) -> _Spec:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    summary = sim.summaries["npv"]
    positive = _probability(sim, "npv > 0")
    probability = (
        _u("p_npv", lang, p=_percent(positive.p, lang), se=_percent(positive.se, lang))
        if positive is not None
        else ""
    )
    title = _u("npv_title", lang)
    caption = _u(
        "npv_caption", lang, n=number(sim.samples, lang), seed=sim.seed, probability=probability
    )

    def draw(fig: Figure, ax: Axes) -> None:
        values = [float(v) for v in sim.npv]
        ax.hist(values, bins=40, color=SKY_BLUE, edgecolor="white", linewidth=0.4, zorder=2)
        handles: list[Any] = [Patch(color=SKY_BLUE, label=_u("samples_axis", lang))]
        lines: tuple[tuple[str, float | None, Any], ...] = (
            ("P5", summary.p5, (0, (4, 2))),
            ("P50", summary.p50, "-"),
            ("P95", summary.p95, (0, (4, 2))),
        )
        for name, value, style in lines:
            if value is None:
                continue
            ax.axvline(value, color=BLACK, linestyle=style, linewidth=1.3, zorder=3)
            handles.append(
                Line2D([], [], color=BLACK, linestyle=style, label=f"{name} {money(value, lang)}")
            )
        if min(values) < 0 < max(values):
            ax.axvline(0, color=VERMILLION, linewidth=1.3, zorder=3)
            handles.append(Line2D([], [], color=VERMILLION, label=_u("zero", lang)))
        ax.set_ylabel(_u("samples_axis", lang))
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        _metric_axis(ax, "npv", lang, _u("npv_axis", lang))
        _uncertainty_legend(ax, handles)

    return title, caption, draw, HEIGHT_IN


def _fan_spec(sim: Simulation, years: list[int], lang: str) -> _Spec:
    from matplotlib.patches import Patch

    title = _u("fan_title", lang)
    caption = _u("fan_caption", lang, n=number(sim.samples, lang))

    def draw(fig: Figure, ax: Axes) -> None:
        centres = _centres(years)
        low = _series(sim.cumulative_bands[10], years)
        middle = _series(sim.cumulative_bands[50], years)
        high = _series(sim.cumulative_bands[90], years)
        ax.fill_between(centres, low, high, color=SKY_BLUE, alpha=0.55, linewidth=0, zorder=2)
        (line,) = ax.plot(
            centres, middle, color=BLUE, marker="o", linewidth=2, label=_u("median", lang), zorder=3
        )
        ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        _money_axis(ax, lang, _l("eur_cumulative", lang))
        _year_axis(ax, years, lang)
        _uncertainty_legend(ax, [Patch(color=SKY_BLUE, alpha=0.55, label=_u("band", lang)), line])

    return title, caption, draw, HEIGHT_IN


def _partners_spec(sim: Simulation, partner_names: Mapping[str, str], lang: str) -> _Spec:
    ids = list(sim.partner_nets)
    title = _u("partners_title", lang)
    caption = _u("partners_caption", lang, n=number(sim.samples, lang))
    height = max(HEIGHT_IN, 1.8 + 0.65 * len(ids))

    def draw(fig: Figure, ax: Axes) -> None:
        if not ids:
            ax.set_axis_off()
            return
        data = [[float(v) for v in sim.partner_nets[pid]] for pid in ids]
        boxes = ax.boxplot(
            data,
            orientation="horizontal",
            positions=range(len(ids)),
            whis=(5, 95),
            showfliers=False,
            widths=0.5,
            patch_artist=True,
            medianprops={"color": BLACK, "linewidth": 1.6},
            whiskerprops={"color": BLACK},
            capprops={"color": BLACK},
            boxprops={"edgecolor": BLACK},
        )
        for index, patch in enumerate(boxes["boxes"]):
            patch.set_facecolor(PARTNER_COLOURS[index % len(PARTNER_COLOURS)])
            patch.set_hatch(PARTNER_HATCHES[(index // len(PARTNER_COLOURS)) % len(PARTNER_HATCHES)])
        labels = []
        for pid in ids:
            risk = _probability(sim, f"net_total[{pid}] < 0")
            name = partner_names.get(pid, pid)
            if risk is not None:
                name += "\n" + _u("p_negative", lang, p=_percent(risk.p, lang))
            labels.append(name)
        for row, pid in enumerate(ids):  # the Simulation's percentiles, in figures
            summary = sim.summaries.get(f"net_total[{pid}]")
            if summary is None or summary.p5 is None or summary.p95 is None:
                continue
            ax.text(
                0.995,
                row + 0.42,
                f"P5 {money(summary.p5, lang)} · P50 {money(summary.p50 or 0.0, lang)} · "
                f"P95 {money(summary.p95, lang)}",
                transform=ax.get_yaxis_transform(),
                ha="right",
                va="center",
                fontsize=7.5,
                color="#444444",
            )
        ax.set_yticks(range(len(ids)), labels, parse_math=False)
        ax.set_ylim(len(ids) - 0.45, -0.5)  # in the order of the file, top down
        ax.tick_params(axis="y", length=0)
        ax.axvline(0, color=VERMILLION, linewidth=1.0, zorder=1)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        _metric_axis(ax, "net_total", lang, _u("net_axis", lang))

    return title, caption, draw, height
