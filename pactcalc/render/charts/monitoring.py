"""The monitoring charts (DOMAIN.md §8): the cumulative net of the plan against the
current expectation, the variance waterfall from the plan's net to the expectation's by
part, and each KPI's value against its target per listed year.

Every number plotted is the monitoring's (:class:`~pactcalc.monitor.Monitoring`: the
plan's and the expectation's ``cumulative_per_year``, the total's parts, the KPI years)
as is; the only arithmetic is layout (where a waterfall's bar starts). Colours are the
Okabe–Ito palette's, as in the other charts: the plan orange, the expectation blue (the
business charts' "without" and "with"), favourable green, unfavourable vermillion; line
styles and hatches carry the same difference in greyscale.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Any

from pactcalc.i18n import money, t
from pactcalc.model.actuals import REALISED
from pactcalc.monitor import PARTS, PLAN
from pactcalc.render.charts.base import (
    BLACK,
    BLUE,
    BLUISH_GREEN,
    CAPTION_CHARS_NARROW,
    HEIGHT_IN,
    ORANGE,
    SKY_BLUE,
    VERMILLION,
    ChartSpec,
    legend,
    svg_text,
    value_axis,
    value_grid,
    year_axis,
    year_centres,
    year_series,
)
from pactcalc.render.text import visible

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from pactcalc.monitor import KpiProgress, Monitoring

#: The monitoring charts by name, in the order the report shows them.
MONITORING_CHARTS = ("monitoring_cumulative", "monitoring_waterfall", "monitoring_kpis")
#: The most KPI panels side by side.
_KPI_COLUMNS = 3
#: Characters of a panel title's line over the width of the panels (8.5 pt, beside the
#: legend).
_TITLE_CHARS = 80


def monitoring_spec(name: str, monitoring: Monitoring, lang: str) -> ChartSpec:
    """The monitoring chart ``name`` (one of :data:`MONITORING_CHARTS`)."""
    if name == "monitoring_cumulative":
        return cumulative_spec(monitoring, lang)
    if name == "monitoring_waterfall":
        return waterfall_spec(monitoring, lang)
    if name == "monitoring_kpis":
        return kpi_spec(monitoring, lang)
    raise ValueError(f"no monitoring chart named {name!r}; they are: {MONITORING_CHARTS}")


def monitoring_charts(monitoring: Monitoring | None, lang: str) -> dict[str, str]:
    """The monitoring charts by name as SVG text; the KPI chart only when a KPI has a
    listed year; none without a monitoring."""
    if monitoring is None:
        return {}
    names = [n for n in MONITORING_CHARTS if n != "monitoring_kpis" or _has_kpi_years(monitoring)]
    return {name: svg_text(monitoring_spec(name, monitoring, lang)) for name in names}


def _has_kpi_years(monitoring: Monitoring) -> bool:
    return any(kpi.years for kpi in monitoring.kpis)


def _title(monitoring: Monitoring, title: str) -> str:
    return f"{monitoring.scenario.name} — {title}"


# ---------------------------------------------------------------------------- cumulative


def cumulative_spec(monitoring: Monitoring, lang: str) -> ChartSpec:
    """The plan's cumulative net beside the expectation's: the expectation solid over the
    realised years, dashed over the forecast and the years that keep the plan."""
    years = list(monitoring.years)
    title = t("mon.chart.cumulative_title", lang)

    def draw(fig: Figure, ax: Axes) -> None:
        centres = year_centres(years)
        plan = year_series(monitoring.plan.cumulative_per_year, years)
        expected = year_series(monitoring.expectation.cumulative_per_year, years)
        realised = [i for i, y in enumerate(years) if monitoring.status[y] in REALISED]
        (plan_line,) = ax.plot(
            centres,
            plan,
            color=ORANGE,
            linewidth=1.6,
            marker="s",
            markersize=4,
            label=t("mon.chart.plan", lang),
            zorder=3,
        )
        handles: list[Any] = [plan_line]
        last = realised[-1] if realised else -1
        if realised:
            (solid,) = ax.plot(
                centres[: last + 1],
                expected[: last + 1],
                color=BLUE,
                linewidth=2.2,
                marker="o",
                markersize=5,
                label=t("mon.chart.realised", lang),
                zorder=4,
            )
            handles.append(solid)
        if last < len(years) - 1:
            start = max(last, 0)
            (dashed,) = ax.plot(
                centres[start:],
                expected[start:],
                color=BLUE,
                linewidth=2.0,
                linestyle=(0, (4, 2)),
                marker="o",
                markersize=5,
                markerfacecolor="white",
                label=t("mon.chart.forecast", lang),
                zorder=4,
            )
            handles.append(dashed)
        ax.axhline(0, color=BLACK, linewidth=0.8, zorder=2)
        value_axis(ax, "money", lang, t("mon.chart.eur_cumulative", lang))
        value_grid(ax)
        ax.margins(y=0.1)
        year_axis(ax, years, lang)
        legend(ax, handles, grows_figure=True)

    return ChartSpec(
        name="monitoring_cumulative",
        title=title,
        caption=t("mon.chart.cumulative_caption", lang),
        draw=draw,
        document_title=_title(monitoring, title),
    )


# ---------------------------------------------------------------------------- waterfall


def waterfall_spec(monitoring: Monitoring, lang: str) -> ChartSpec:
    """The plan's net over the horizon, each part of the difference as a floating bar
    (green favourable, vermillion unfavourable) and the expected net."""
    total = monitoring.total
    title = t("mon.chart.waterfall_title", lang)

    def draw(fig: Figure, ax: Axes) -> None:
        labels = [
            t("mon.plan", lang),
            *(t(f"mon.part.{part}", lang) for part in PARTS),
            t("mon.expectation", lang),
        ]
        parts = [total.part(part) for part in PARTS]
        # layout: each part's bar starts where the one before it ends
        starts, level = [], total.plan_total
        for value in parts:
            starts.append(level)
            level += value
        ends = [total.plan_total, *(s + v for s, v in zip(starts, parts, strict=True))]
        low = min(total.plan_total, total.expectation_total, *starts, *ends)
        high = max(total.plan_total, total.expectation_total, *starts, *ends)
        pad = (high - low) * 0.25 or max(abs(high), 1.0) * 0.05
        floor = low - pad
        positions = list(range(len(labels)))
        ax.bar(
            [positions[0], positions[-1]],
            [total.plan_total - floor, total.expectation_total - floor],
            bottom=floor,
            width=0.6,
            color=[ORANGE, BLUE],
            zorder=2,
        )
        colours = [_part_colour(total.kind, value) for value in parts]
        ax.bar(positions[1:-1], parts, bottom=starts, width=0.6, color=colours, zorder=2)
        shown = [total.plan_total, *parts, total.expectation_total]
        tops = [total.plan_total, *(max(s, s + v) for s, v in zip(starts, parts, strict=True))]
        tops.append(total.expectation_total)
        for x, value, top in zip(positions, shown, tops, strict=True):
            ax.annotate(
                money(value, lang),
                xy=(x, top),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
            )
        ax.set_xticks(positions, labels)
        ax.tick_params(axis="x", length=0)
        ax.set_ylim(floor, high + pad)
        value_axis(ax, "money", lang, t("mon.chart.eur_net", lang))
        value_grid(ax)

    return ChartSpec(
        name="monitoring_waterfall",
        title=title,
        caption=t("mon.chart.waterfall_caption", lang),
        draw=draw,
        caption_chars=CAPTION_CHARS_NARROW,
        document_title=_title(monitoring, title),
    )


def _part_colour(kind: str, value: float) -> str:
    from pactcalc.monitor import favourable

    found = favourable(kind, value)
    if found is None:
        return SKY_BLUE
    return BLUISH_GREEN if found else VERMILLION


# ---------------------------------------------------------------------------- KPIs


def kpi_spec(monitoring: Monitoring, lang: str) -> ChartSpec:
    """One panel per KPI with a listed year: its value per year as a bar (green on
    track, vermillion behind, hatched light blue expected) and its target as a dash."""
    kpis = [kpi for kpi in monitoring.kpis if kpi.years]
    rows = max(1, math.ceil(len(kpis) / _KPI_COLUMNS))
    title = t("mon.chart.kpis_title", lang)

    def draw(fig: Figure, ax: Axes) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        ax.remove()
        columns = min(len(kpis), _KPI_COLUMNS) or 1
        panels = fig.subplots(rows, columns, squeeze=False)
        for index, panel in enumerate(panels.flat):
            if index >= len(kpis):
                panel.remove()
                continue
            _kpi_panel(panel, kpis[index], lang, _TITLE_CHARS // columns)
        handles = [
            Patch(color=BLUISH_GREEN, label=t("mon.chart.value_on_track", lang)),
            Patch(color=VERMILLION, label=t("mon.chart.value_behind", lang)),
            Patch(
                facecolor=SKY_BLUE,
                hatch="///",
                edgecolor="white",
                label=t("mon.chart.value_expected", lang),
            ),
            Line2D([], [], color=BLACK, linewidth=2, label=t("mon.chart.target", lang)),
        ]
        fig.legend(handles=handles, loc="outside right upper", frameon=False)

    return ChartSpec(
        name="monitoring_kpis",
        title=title,
        caption=t("mon.chart.kpis_caption", lang),
        draw=draw,
        height=max(HEIGHT_IN, 1.2 + 2.6 * rows),
        caption_chars=CAPTION_CHARS_NARROW,
        document_title=_title(monitoring, title),
    )


def _kpi_panel(ax: Axes, kpi: KpiProgress, lang: str, title_chars: int) -> None:
    positions = list(range(len(kpi.years)))
    for x, year in zip(positions, kpi.years, strict=True):
        expected = year.behind is None or year.status == PLAN
        colour = SKY_BLUE if expected else VERMILLION if year.behind else BLUISH_GREEN
        ax.bar(
            x,
            year.value,
            width=0.6,
            color=colour,
            hatch="///" if expected else "",
            edgecolor="white",
            linewidth=0.5,
            zorder=2,
        )
        ax.plot([x - 0.4, x + 0.4], [year.target, year.target], color=BLACK, linewidth=2, zorder=3)
    ax.set_xticks(positions, [str(year.year) for year in kpi.years])
    ax.tick_params(axis="x", length=0)
    name = visible(kpi.name) + (f" ({visible(kpi.unit)})" if kpi.unit else "")
    title = textwrap.fill(name, max(12, title_chars))
    ax.set_title(title, fontsize=8.5, loc="left").set_parse_math(False)
    value_axis(ax, "count", lang, "")
    value_grid(ax)
