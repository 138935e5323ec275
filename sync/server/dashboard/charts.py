"""The monthly trend chart: an inline SVG made on the server (no script, no library)."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from sync.server.dashboard.tables import number

WIDTH = 640
HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 28, 40


def _nice_step(value: int) -> int:
    """The step of four grid lines reaching ``value``: 1, 2 or 5 times a power of ten."""
    wanted = max(1, -(-value // 4))
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= wanted:
                return step * factor
        step *= 10


def bar_chart(title: str, points: list[tuple[str, int]], css_class: str = "series-a") -> Markup:
    """Bars of ``(label, value)`` with a labelled axis; an accessible title and description."""
    step_value = _nice_step(max((value for _label, value in points), default=0))
    top = step_value * 4
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text class="chart-title" x="{LEFT}" y="16">{escape(title)}</text>',
    ]
    for step in range(5):
        value = step_value * step
        y = TOP + plot_h - plot_h * step / 4
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{number(value)}</text>"
        )
    count = max(len(points), 1)
    slot = plot_w / count
    bar = max(2.0, min(40.0, slot * 0.65))
    every = 1 if count <= 12 else (count + 11) // 12  # at most ~12 month labels
    for index, (label, value) in enumerate(points):
        x = LEFT + slot * index + (slot - bar) / 2
        height = plot_h * value / top
        y = TOP + plot_h - height
        parts.append(
            f'<rect class="{css_class}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
            f'height="{height:.1f}"><title>{escape(label)}: {number(value)}</title></rect>'
        )
        if count <= 12 and value:
            parts.append(
                f'<text class="value" x="{x + bar / 2:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle">{number(value)}</text>'
            )
        if index % every == 0:
            parts.append(
                f'<text class="axis" x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    parts.append(
        f'<line class="baseline" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
        f'y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>'
    )
    if not any(value for _label, value in points):
        parts.append(
            f'<text class="axis" x="{LEFT + plot_w / 2:.1f}" y="{TOP + plot_h / 2:.1f}" '
            'text-anchor="middle">Belum ada data pada periode ini</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
