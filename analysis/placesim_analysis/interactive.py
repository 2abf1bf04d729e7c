"""Interactive charts: plotly figures in the one offline page (hover for values, click a legend
entry to hide or show a strategy). plotly.js comes from Debian's python3-plotly and is written
beside index.html, so the page needs no server and no network. Each interactive chart keeps its
static PNG, SVG and PDF and its CSV."""
import numpy as np
import plotly.graph_objects as go
import plotly.offline
from plotly.io.json import to_json_plotly

from .html_safety import attribute, plotly_text, script_json

PLOTLY_JS = "plotly.js"
CONFIG = {"displaylogo": False, "responsive": True,
          "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


def write_plotly_js(directory):
    (directory / PLOTLY_JS).write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")


def to_div(figure, div_id):
    """The figure as a <div> and the script that draws it (plotly.js loaded once by the page),
    with a fixed id, so the same data give the same page. Written here, not by plotly's to_html:
    plotly 5.4 (Debian's) puts the figure's JSON in the script unescaped, so a strategy named
    "</script><script>..." ended the script and ran its own."""
    spec = figure.to_dict()
    height = spec["layout"].get("height")
    size = f"height:{int(height)}px; width:100%;" if height else "height:100%; width:100%;"
    arguments = ", ".join(script_json(part, encode=to_json_plotly)
                          for part in (div_id, spec["data"], spec["layout"], CONFIG))
    return (f'<div><div id="{attribute(div_id)}" class="plotly-graph-div" style="{size}"></div>'
            f'<script type="text/javascript">Plotly.newPlot({arguments});</script></div>')


def layout(figure, title, xtitle, ytitle, height=460):
    """Titles from the file's labels, shown as plain text (plotly_text)."""
    title, xtitle, ytitle = (plotly_text(t) for t in (title, xtitle, ytitle))
    figure.update_layout(title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
                         xaxis_title=xtitle, yaxis_title=ytitle, height=height, template="plotly_white",
                         margin={"l": 60, "r": 20, "t": 60, "b": 50}, hovermode="x unified",
                         legend={"title": {"text": "click to hide or show"}})
    return figure


def transparent(colour, alpha):
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def ribbons(months, series, colours, names, value_format=".3f"):
    """Lines with 95% ribbons, one legend entry per strategy (line and ribbon toggle together).
    series: {strategy: (mean, low, high, n)}; names: {strategy: its name as shown (plain text)}."""
    figure = go.Figure()
    for strategy, (mean, low, high, _) in series.items():
        colour = colours[strategy]
        group = strategy
        if np.any(np.isfinite(low)):
            figure.add_trace(go.Scatter(x=np.concatenate([months, months[::-1]]),
                                        y=np.concatenate([high, low[::-1]]), fill="toself",
                                        fillcolor=transparent(colour, 0.15), line={"width": 0},
                                        hoverinfo="skip", showlegend=False, legendgroup=group))
        figure.add_trace(go.Scatter(x=months, y=mean, mode="lines", name=plotly_text(names[strategy]),
                                    legendgroup=group, line={"color": colour, "width": 2},
                                    customdata=np.stack([low, high], axis=-1),
                                    hovertemplate=f"%{{y:{value_format}}} (95% CI %{{customdata[0]:{value_format}}}"
                                                  f" to %{{customdata[1]:{value_format}}})"))
    return figure


def mark_months(figure, months):
    """Dotted vertical lines at the given months (elections: the caption says so)."""
    for month in months:
        figure.add_vline(x=month, line={"color": "#999999", "width": 1, "dash": "dot"})
    return figure
