"""The agreement's chart (DOMAIN.md §7): each partner's net over the horizon before and
after the agreement, as grouped horizontal bars (a partner's name may be long).

Every number plotted is the engine's (``net_total`` and ``net_settled_total`` of each
partner, :class:`~pactcalc.engine.PartnerResult`); the only arithmetic is layout. The
colours are the Okabe–Ito palette's, as in the other charts: orange before, blue after
(the business charts' "without" and "with" the PACT).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pactcalc.i18n import t
from pactcalc.render.charts.base import (
    BLACK,
    BLUE,
    CAPTION_CHARS_NARROW,
    HEIGHT_IN,
    ORANGE,
    ChartSpec,
    legend,
    svg_text,
    value_axis,
    value_grid,
)
from pactcalc.render.text import visible

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from pactcalc.engine import Result

#: The agreement's charts by name (drawn only for a scenario with an agreement).
AGREEMENT_CHARTS = ("agreement_nets",)
#: A bar's thickness, and the gap between a partner's two bars.
_BAR = 0.36


def has_agreement(result: Result) -> bool:
    return bool(result.agreement)


def agreement_nets_spec(result: Result, lang: str) -> ChartSpec:
    """Each partner's net before and after the agreement, side by side."""
    partners = list(result.partners)
    title = t("chart.agreement_nets_title", lang)
    caption = t("chart.agreement_nets_caption", lang)
    height = max(HEIGHT_IN, 1.6 + 0.55 * len(partners))

    def draw(fig: Figure, ax: Axes) -> None:
        rows = range(len(partners))
        before = [float(p.total("net_total")) for p in partners]
        after = [float(p.total("net_settled_total")) for p in partners]
        bars_before = ax.barh(
            [row - _BAR / 2 for row in rows],
            before,
            height=_BAR,
            color=ORANGE,
            label=t("chart.net_before", lang),
            zorder=2,
        )
        bars_after = ax.barh(
            [row + _BAR / 2 for row in rows],
            after,
            height=_BAR,
            color=BLUE,
            hatch="///",
            edgecolor="white",
            linewidth=0.5,
            label=t("chart.net_after", lang),
            zorder=2,
        )
        # a partner named "$x$" is text; its control characters show escaped
        ax.set_yticks(list(rows), [visible(p.name) for p in partners], parse_math=False)
        ax.set_ylim(len(partners) - 0.5, -0.5)  # in the order of the file, top down
        ax.tick_params(axis="y", length=0)
        ax.axvline(0, color=BLACK, linewidth=0.8, zorder=3)
        value_grid(ax, "x")
        value_axis(ax, "money", lang, t("chart.net_axis", lang), axis="x")
        legend(ax, [bars_before, bars_after])

    return ChartSpec(
        name="agreement_nets",
        title=title,
        caption=caption,
        draw=draw,
        height=height,
        caption_chars=CAPTION_CHARS_NARROW,
        document_title=f"{result.scenario.name} — {title}",
    )


def agreement_nets_svg(result: Result, lang: str) -> str:
    """The nets before and after the agreement as SVG text (see :func:`agreement_nets_spec`)."""
    return svg_text(agreement_nets_spec(result, lang))


def agreement_charts(result: Result, lang: str) -> dict[str, str]:
    """The agreement's charts by name as SVG text; none without an agreement."""
    if not has_agreement(result):
        return {}
    return {"agreement_nets": agreement_nets_svg(result, lang)}
