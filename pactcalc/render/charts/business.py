"""The business-case charts: the cumulative net cash flow with the payback moment, each
partner's effort against the budget, and the cost without the PACT beside the cost in
the PACT situation.

Every number plotted is a series of the engine's :class:`~pactcalc.engine.Result` as is;
the only arithmetic here is layout (bar positions, the offsets of stacked bars).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pactcalc.i18n import t, years_text
from pactcalc.render.charts.base import (
    BLACK,
    BLUE,
    BLUISH_GREEN,
    ORANGE,
    VERMILLION,
    ChartSpec,
    legend,
    partner_colour,
    partner_hatch,
    render,
    svg_text,
    value_axis,
    value_grid,
    year_axis,
    year_centres,
    year_series,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from pactcalc.engine import Result

#: Draws one business chart's content: figure, axes, result, its years, language.
BusinessDraw = Callable[["Figure", "Axes", "Result", list[int], str], None]


def cumulative_svg(result: Result, lang: str) -> str:
    """The cumulative net cash flow at the end of each year, the zero line and the payback
    moment (or, in words, that there is none within the horizon)."""
    return svg_text(business_spec("cumulative", result, lang))


def effort_vs_budget_svg(result: Result, lang: str) -> str:
    """Each partner's effort per year, stacked, against the available budget."""
    return svg_text(business_spec("effort_vs_budget", result, lang))


def baseline_vs_pact_svg(result: Result, lang: str) -> str:
    """The cost without the PACT beside the cost in the PACT situation, per year."""
    return svg_text(business_spec("baseline_vs_pact", result, lang))


def all_charts(result: Result, lang: str) -> dict[str, str]:
    """Every business chart, by name, in the order the reports show them."""
    return {name: svg_text(business_spec(name, result, lang)) for name in BUSINESS_CHARTS}


def captions(result: Result, lang: str) -> dict[str, str]:
    """Title and caption of each chart as plain text, for alt text or a figcaption."""
    return {
        name: f"{title}. {caption}"
        for name, (title, caption) in titles_and_captions(result, lang).items()
    }


def chart_bytes(name: str, result: Result, lang: str, fmt: str = "png", dpi: int = 150) -> bytes:
    """One business chart in another format matplotlib writes (``png``, ``pdf``)."""
    return render(business_spec(name, result, lang), fmt, dpi)


def business_spec(name: str, result: Result, lang: str) -> ChartSpec:
    """The business chart ``name`` (a key of :data:`BUSINESS_CHARTS`) of ``result``."""
    years = list(result.years)
    draw_content = BUSINESS_CHARTS[name]
    title, caption = titles_and_captions(result, lang)[name]

    def draw(fig: Figure, ax: Axes) -> None:
        draw_content(fig, ax, result, years, lang)
        year_axis(ax, years, lang)

    return ChartSpec(
        name=name,
        title=title,
        caption=caption,
        draw=draw,
        document_title=f"{result.scenario.name} — {title}",
    )


def titles_and_captions(result: Result, lang: str) -> dict[str, tuple[str, str]]:
    """Each business chart's title and caption, by name."""
    effort_caption = t("chart.effort_caption", lang)
    if _budget_pays_other_than_effort(result, result.years):
        effort_caption += t("chart.effort_caption_funded", lang)
    return {
        "cumulative": (
            t("chart.cumulative_title", lang),
            t("chart.cumulative_caption", lang, start=result.years[0]),
        ),
        "effort_vs_budget": (t("chart.effort_title", lang), effort_caption),
        "baseline_vs_pact": (t("chart.baseline_title", lang), t("chart.baseline_caption", lang)),
    }


def _budget_pays_other_than_effort(result: Result, years: Any) -> bool:
    """Does the budget pay for something other than exactly the effort (investments)?
    Then the effort chart shows what the budget pays as a line of its own."""
    return year_series(result.budget_funded_per_year, years) != year_series(
        result.effort_per_year, years
    )


# ---------------------------------------------------------------------------- drawing


def _draw_cumulative(fig: Figure, ax: Axes, result: Result, years: list[int], lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    values = year_series(result.cumulative_per_year, years)
    colours = [VERMILLION if v < 0 else BLUISH_GREEN for v in values]
    bars = ax.bar(year_centres(years), values, width=0.7, color=colours, zorder=2)
    for bar in bars:  # let the margin below apply at zero too: room for the labels
        bar.sticky_edges.y.clear()
    ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
    value_axis(ax, "money", lang, t("chart.eur_cumulative", lang))
    ax.margins(y=0.18)  # room for the payback label above the bars
    value_grid(ax)

    handles: list[Any] = []
    if any(v < 0 for v in values):
        handles.append(Patch(color=VERMILLION, label=t("chart.cumulative_negative", lang)))
    if any(v >= 0 for v in values):
        handles.append(Patch(color=BLUISH_GREEN, label=t("chart.cumulative_positive", lang)))

    payback = float(result.payback_years)
    if math.isnan(payback):
        horizon = t("within_horizon", lang, years=len(years))
        ax.text(
            0.5,
            0.97,
            t("chart.no_payback", lang, horizon=horizon),
            transform=ax.transAxes,
            ha="center",
            va="top",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": BLACK},
            zorder=5,
        )
    else:
        moment = years[0] + payback
        ax.axvline(moment, color=BLACK, linestyle="--", linewidth=1.2, zorder=4)
        label = t("chart.payback_label", lang, years=years_text(payback, lang, len(years)))
        if result.negative_again_year is not None:
            label += "; " + t("chart.negative_again", lang, year=result.negative_again_year)
        right_half = moment > years[0] + len(years) / 2
        ax.annotate(
            label,
            xy=(moment, 0.98),
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
            Line2D([], [], color=BLACK, linestyle="--", label=t("chart.payback_moment", lang))
        )
    legend(ax, handles, grows_figure=True)


def _draw_effort_vs_budget(
    fig: Figure, ax: Axes, result: Result, years: list[int], lang: str
) -> None:
    centres = year_centres(years)
    # Layout only: where each bar starts. Positive efforts stack upwards from zero,
    # negative ones downwards; the stack's top is the Result's effort_per_year.
    stack_top = [0.0] * len(years)
    stack_bottom = [0.0] * len(years)
    bars: list[Any] = []
    for index, partner in enumerate(result.partners):
        values = year_series(partner.effort_per_year, years)
        if not any(values):
            continue
        bottoms = [stack_top[j] if v >= 0 else stack_bottom[j] for j, v in enumerate(values)]
        bar = ax.bar(
            centres,
            values,
            width=0.7,
            bottom=bottoms,
            color=partner_colour(index),
            hatch=partner_hatch(index),
            edgecolor="white",
            linewidth=0.5,
            label=partner.name,
            zorder=2,
        )
        bars.append(bar)
        for j, v in enumerate(values):
            if v >= 0:
                stack_top[j] += v
            else:
                stack_bottom[j] += v
    edges = [*years, years[-1] + 1]
    lines = [
        ax.stairs(
            year_series(result.budget_per_year, years),
            edges,
            baseline=None,
            color=BLACK,
            linewidth=2,
            label=t("chart.budget", lang),
            zorder=4,
        )
    ]
    if _budget_pays_other_than_effort(result, years):
        lines.append(
            ax.stairs(
                year_series(result.budget_funded_per_year, years),
                edges,
                baseline=None,
                color=BLACK,
                linestyle=(0, (3, 2)),
                linewidth=1.2,
                label=t("chart.budget_funded", lang),
                zorder=4,
            )
        )
    if any(v < 0 for v in stack_bottom):
        ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
    value_axis(ax, "money", lang, t("chart.eur_per_year", lang))
    value_grid(ax)
    ax.margins(y=0.06)
    # Legend: the lines, then the partners top of the stack first, as they are drawn.
    legend(ax, [*lines, *reversed(bars)], grows_figure=True)


def _draw_baseline_vs_pact(
    fig: Figure, ax: Axes, result: Result, years: list[int], lang: str
) -> None:
    baseline = ax.bar(
        [y + 0.3 for y in years],
        year_series(result.baseline_per_year, years),
        width=0.38,
        color=ORANGE,
        label=t("chart.baseline", lang),
        zorder=2,
    )
    pact = ax.bar(
        [y + 0.7 for y in years],
        year_series(result.pact_cost_per_year, years),
        width=0.38,
        color=BLUE,
        label=t("chart.pact_cost", lang),
        zorder=2,
    )
    ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
    value_axis(ax, "money", lang, t("chart.eur_per_year", lang))
    value_grid(ax)
    legend(ax, [baseline, pact], grows_figure=True)


#: The business charts by name, in the order the reports show them.
BUSINESS_CHARTS: dict[str, BusinessDraw] = {
    "cumulative": _draw_cumulative,
    "effort_vs_budget": _draw_effort_vs_budget,
    "baseline_vs_pact": _draw_baseline_vs_pact,
}
