"""The charts of the uncertainty section (DOMAIN.md §6): a tornado of the one-way
sensitivity, the distribution of the NPV over the Monte Carlo samples, a fan chart of the
cumulative net and each partner's net.

Every number plotted is a field of the Sensitivity or the Simulation, or binned by the
analysis (the NPV's histogram: :func:`pactcalc.uncertainty.histogram`); the boxes'
quartiles are drawn by matplotlib (presentation), the whiskers are the Simulation's P5
and P95.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pactcalc import metrics
from pactcalc.i18n import money, number, percent, t
from pactcalc.render.charts.base import (
    BLACK,
    BLUE,
    CAPTION_CHARS_NARROW,
    HEIGHT_IN,
    LEGEND_CHARS_NARROW,
    ORANGE,
    SKY_BLUE,
    VERMILLION,
    ChartSpec,
    Draw,
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
from pactcalc.render.text import visible
from pactcalc.uncertainty import histogram

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from pactcalc.statistics import Probability
    from pactcalc.uncertainty import Sensitivity, Simulation

#: The uncertainty charts, in the order the report shows them.
UNCERTAINTY_CHARTS = ("tornado", "npv_distribution", "fan_chart", "partner_nets")
#: The bins of the NPV's histogram in the report's chart (the terminal's has 12).
NPV_BINS = 40


def tornado_svg(sens: Sensitivity, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The one-way sensitivity as a tornado: per parameter (largest swing at the top) a
    bar from the base outcome to the outcome at low and one to the outcome at high.
    ``names``: each parameter as a reader knows it (its ``label``), by id."""
    return svg_text(tornado_spec(sens, lang, names))


def npv_distribution_svg(sim: Simulation, lang: str) -> str:
    """A histogram of the simulated NPV with the P5, P50 and P95 lines."""
    return svg_text(npv_distribution_spec(sim, lang))


def fan_chart_svg(sim: Simulation, result_years: Sequence[int], lang: str) -> str:
    """The cumulative net per year: the P10–P90 band around the median."""
    return svg_text(fan_chart_spec(sim, result_years, lang))


def partner_nets_svg(sim: Simulation, partner_names: Mapping[str, str], lang: str) -> str:
    """Each partner's net over the horizon, a box per partner (whiskers P5–P95)."""
    return svg_text(partner_nets_spec(sim, partner_names, lang))


def uncertainty_chart_bytes(
    name: str, *args: Any, lang: str = "nl", fmt: str = "png", dpi: int = 150
) -> bytes:
    """One uncertainty chart in another format (``png``, ``pdf``), e.g. to look at:
    ``uncertainty_chart_bytes("tornado", sens, lang="en")``; the arguments are those of
    the chart's ``…_svg`` function without ``lang``."""
    specs: dict[str, Callable[..., ChartSpec]] = {
        "tornado": tornado_spec,
        "npv_distribution": npv_distribution_spec,
        "fan_chart": fan_chart_spec,
        "partner_nets": partner_nets_spec,
    }
    return render(specs[name](*args, lang), fmt, dpi)


# ---------------------------------------------------------------------------- words


def _uncertainty_chart(name: str, title: str, caption: str, draw: Draw, height: float) -> ChartSpec:
    """A spec with the uncertainty charts' caption width (their SVG title: the title)."""
    return ChartSpec(
        name=name,
        title=title,
        caption=caption,
        draw=draw,
        height=height,
        caption_chars=CAPTION_CHARS_NARROW,
    )


def _uncertainty_legend(ax: Axes, handles: Sequence[Any], from_figure_edge: bool = False) -> None:
    legend(
        ax,
        handles,
        row_chars=LEGEND_CHARS_NARROW,
        balanced_rows=True,
        from_figure_edge=from_figure_edge,
    )


def _metric_in_title(metric: str, lang: str) -> str:
    """A metric in a chart title: its short label where the registry has one (``NPV``),
    else its name as written."""
    found = metrics.REGISTRY.get(metric)
    return found.short(lang) if found is not None and found.short_nl else metric


def _metric_axis_label(metric: str, lang: str) -> str:
    """A metric on an axis: its label for a headline metric, else its name; a payback
    says its unit (years)."""
    found = metrics.REGISTRY.get(metric)
    text = found.label(lang) if found is not None and found.headline else metric
    if metrics.kind_of(metric) == "years":
        text += f" ({t('chart.years_axis', lang)})"
    return text


def _metric_value(metric: str, value: float, lang: str) -> str:
    """A value of ``metric`` in words: years, euros, or a plain number."""
    if math.isnan(value):
        return t("chart.beyond", lang)
    kind = metrics.kind_of(metric)
    if kind == "years":
        return t("n_years", lang, n=number(value, lang, 1))
    if kind == "money":
        return money(value, lang)
    return number(value, lang, 2)


def _as_written(value: float, lang: str) -> str:
    """An input number as written: as few decimals as it needs (up to four)."""
    value = float(value)
    decimals = next((d for d in range(5) if abs(round(value, d) - value) < 1e-9), 4)
    return number(value, lang, decimals)


def _percent(fraction: float, lang: str) -> str:
    return percent(fraction, lang, 1)


def _probability_of(sim: Simulation, event: str) -> Probability | None:
    """The simulation's estimate of ``event`` (``npv > 0``), if it has one."""
    return next((p for p in sim.probabilities if p.event == event), None)


# ---------------------------------------------------------------------------- charts


def tornado_spec(sens: Sensitivity, lang: str, names: Mapping[str, str] | None = None) -> ChartSpec:
    """The tornado of a sensitivity (see :func:`tornado_svg`)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    swings = sens.swings
    title = t("chart.tornado_title", lang, metric=_metric_in_title(sens.metric, lang))
    caption = t("chart.tornado_caption", lang, base=_metric_value(sens.metric, sens.base, lang))
    height = max(HEIGHT_IN, 1.6 + 0.32 * len(swings))

    def draw(fig: Figure, ax: Axes) -> None:
        base = float(sens.base)
        if not swings:
            ax.text(0.5, 0.5, t("chart.no_uncertain", lang), transform=ax.transAxes, ha="center")
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
                        t("chart.beyond", lang),
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
            Patch(color=BLUE, label=t("chart.at_low", lang)),
            Patch(color=ORANGE, label=t("chart.at_high", lang)),
            Line2D([], [], color=BLACK, label=t("chart.base", lang)),
        ]
        if sens.threshold is not None:
            # the threshold line only where it does not squash the bars; else in words
            shown = _metric_value(sens.metric, float(sens.threshold), lang)
            ends = [v for s in swings for v in (s.at_low, s.at_high, base) if not math.isnan(v)]
            if ends and min(ends) <= sens.threshold <= max(ends):
                ax.axvline(
                    sens.threshold, color=VERMILLION, linestyle="--", linewidth=1.2, zorder=3
                )
                label = t("chart.threshold", lang, value=shown)
            else:
                side = "left" if ends and sens.threshold < min(ends) else "right"
                label = t(f"chart.threshold_{side}", lang, value=shown)
            handles.append(Line2D([], [], color=VERMILLION, linestyle="--", label=label))
        labels = [
            f"{visible((names or {}).get(s.parameter, s.parameter))} "
            f"({_as_written(s.low, lang)} – {_as_written(s.high, lang)})"
            for s in swings
        ]
        ax.set_yticks(range(len(swings)), labels, parse_math=False)
        ax.set_ylim(len(swings) - 0.5, -0.5)  # largest swing at the top
        ax.tick_params(axis="y", length=0)
        value_grid(ax, "x")
        ax.margins(x=0.04)
        kind = metrics.kind_of(sens.metric)
        value_axis(ax, kind, lang, _metric_axis_label(sens.metric, lang), axis="x")
        _uncertainty_legend(ax, handles, from_figure_edge=True)

    return _uncertainty_chart("tornado", title, caption, draw, height)


def npv_distribution_spec(sim: Simulation, lang: str) -> ChartSpec:
    """The histogram of the simulated NPV (see :func:`npv_distribution_svg`)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    summary = sim.summaries["npv"]
    positive = _probability_of(sim, "npv > 0")
    probability = (
        t("chart.p_npv", lang, p=_percent(positive.p, lang), se=_percent(positive.se, lang))
        if positive is not None
        else ""
    )
    title = t("chart.npv_title", lang)
    caption = t(
        "chart.npv_caption",
        lang,
        n=number(sim.samples, lang),
        seed=sim.seed,
        probability=probability,
    )

    def draw(fig: Figure, ax: Axes) -> None:
        values = [float(v) for v in sim.npv]
        binned = histogram(sim.npv, NPV_BINS)  # the analysis bins, matplotlib draws
        ax.hist(
            binned.edges[:-1],
            bins=binned.edges.tolist(),
            weights=binned.counts,
            color=SKY_BLUE,
            edgecolor="white",
            linewidth=0.4,
            zorder=2,
        )
        handles: list[Any] = [Patch(color=SKY_BLUE, label=t("chart.samples_axis", lang))]
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
            handles.append(Line2D([], [], color=VERMILLION, label=t("chart.zero", lang)))
        ax.set_ylabel(t("chart.samples_axis", lang))
        value_grid(ax)
        value_axis(ax, "money", lang, t("chart.npv_axis", lang), axis="x")
        _uncertainty_legend(ax, handles)

    return _uncertainty_chart("npv_distribution", title, caption, draw, HEIGHT_IN)


def fan_chart_spec(sim: Simulation, result_years: Sequence[int], lang: str) -> ChartSpec:
    """The P10–P90 band of the cumulative net per year (see :func:`fan_chart_svg`)."""
    from matplotlib.patches import Patch

    years = list(result_years)
    title = t("chart.fan_title", lang)
    caption = t("chart.fan_caption", lang, n=number(sim.samples, lang))

    def draw(fig: Figure, ax: Axes) -> None:
        centres = year_centres(years)
        low = year_series(sim.cumulative_bands[10], years)
        middle = year_series(sim.cumulative_bands[50], years)
        high = year_series(sim.cumulative_bands[90], years)
        ax.fill_between(centres, low, high, color=SKY_BLUE, alpha=0.55, linewidth=0, zorder=2)
        (line,) = ax.plot(
            centres,
            middle,
            color=BLUE,
            marker="o",
            linewidth=2,
            label=t("chart.median", lang),
            zorder=3,
        )
        ax.axhline(0, color=BLACK, linewidth=0.8, zorder=3)
        value_grid(ax)
        value_axis(ax, "money", lang, t("chart.eur_cumulative", lang))
        year_axis(ax, years, lang)
        band = Patch(color=SKY_BLUE, alpha=0.55, label=t("chart.band", lang))
        _uncertainty_legend(ax, [band, line])

    return _uncertainty_chart("fan_chart", title, caption, draw, HEIGHT_IN)


def partner_nets_spec(sim: Simulation, partner_names: Mapping[str, str], lang: str) -> ChartSpec:
    """A box per partner of its simulated net (see :func:`partner_nets_svg`)."""
    ids = list(sim.partner_nets)
    title = t("chart.partners_title", lang)
    caption = t("chart.partners_caption", lang, n=number(sim.samples, lang))
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
            patch.set_facecolor(partner_colour(index))
            patch.set_hatch(partner_hatch(index))
        labels = []
        for pid in ids:
            risk = _probability_of(sim, f"net_total[{pid}] < 0")
            name = visible(partner_names.get(pid, pid))
            if risk is not None:
                name += "\n" + t("chart.p_negative", lang, p=_percent(risk.p, lang))
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
        value_grid(ax, "x")
        value_axis(ax, "money", lang, t("chart.net_axis", lang), axis="x")

    return _uncertainty_chart("partner_nets", title, caption, draw, height)
