"""index.html: one offline page. First the decision (in words, one chart, the ranking), then a
section per question: interactive charts where hovering and toggling help (plotly.js beside the
page), the others as images; every chart also as PNG, SVG, PDF and CSV; tables in plain words."""
import pandas as pd

from .html_safety import attribute, text as esc
from .interactive import PLOTLY_JS, to_div


def _table(frame, digits=3):
    formatted = frame.copy()
    for column in formatted.columns:
        if pd.api.types.is_float_dtype(formatted[column]):
            formatted[column] = formatted[column].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}g}")
    return ('<div class="table-wrap">' + formatted.to_html(index=False, border=0, classes="data", escape=True)
            + "</div>")


STYLE = """
body { font-family: sans-serif; max-width: 1180px; margin: 1.5em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; color: #444; }
.plot { width: 100%; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table.data { border-collapse: collapse; font-size: 0.85em; margin: 1em 0; }
table.data th, table.data td { padding: 0.25em 0.6em; border-bottom: 1px solid #ddd; text-align: right; }
table.data td:nth-child(-n+2), table.data th:nth-child(-n+2) { text-align: left; }
table.data th { background: #f2f2f2; vertical-align: bottom; }
.decision { background: #f7f9fc; border: 1px solid #dde3ee; padding: 0.6em 1.2em; border-radius: 4px; }
.decision li { margin: 0.3em 0; }
.note { background: #fff7e0; border-left: 4px solid #e0a800; padding: 0.5em 1em; }
pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.8em; max-height: 30em; }
footer { margin-top: 3em; font-size: 0.85em; color: #555; border-top: 1px solid #ccc; padding-top: 1em; }
.files a { margin-right: 0.6em; }
"""


def _anchor(heading):
    return attribute(heading.lower().replace(" ", "-"))


def _chart(chart):
    links = " ".join(f'<a href="{attribute(f)}">{esc(f.rsplit(".", 1)[1].upper())}</a>' for f in chart.files)
    if chart.interactive is not None:
        body = f'<div class="plot">{to_div(chart.interactive, "plot-" + chart.name)}</div>'
    else:
        body = f'<img src="{attribute(chart.name)}.png" alt="{attribute(chart.title)}">'
    return f'<figure>{body}<figcaption>{esc(chart.caption)} <span class="files">{links}</span></figcaption></figure>'


def _normalised(section):
    """(heading, charts[, tables[, intro]]) -> (heading, charts, tables, intro)."""
    heading, charts, *more = section
    return heading, charts, more[0] if more else (), more[1] if len(more) > 1 else ""


def write_page(path, results, sections, tables, notes=(), decision=None):
    """sections: [(heading, [Chart])] or [(heading, [Chart], [(title, caption, DataFrame)])];
    tables: [(heading, caption, DataFrame)] for the end; notes: warnings for the reader, shown
    first; decision: (sentences, Chart, [(title, caption, DataFrame)]) for the first screen."""
    a = results.attrs
    summary = (f"{int(a['runs'])} runs of {int(a['months'])} months; strategies: "
               f"{esc(', '.join(results.strategies))}; design: {esc(results.sweep_design)}"
               f"{'; failed runs: ' + str(len(results.failed_runs)) if len(results.failed_runs) else ''}.")
    if "rounds" in a:
        summary += (f" Replicates were added in {int(a['rounds'])} rounds until the ranking was settled or precise "
                    f"(placesim run --until; status: {esc(str(a.get('rounds_status', '?')))}).")
    if "[posterior]" in results.scenario:
        summary += (" Parameters were drawn from a calibration's posterior, one draw per replicate and the same "
                    "for every strategy: the intervals carry the parameters' uncertainty.")
    summary += "".join(f'<p class="note">{esc(n)}</p>' for n in notes)
    footer = (f"Results file {esc(str(results.path))}; written by placesim "
              f"{esc(str(a.get('program_version', '?')))} (commit {esc(str(a.get('git_commit', '?')))}) "
              f"on {esc(str(a.get('created_utc', '?')))}; base seed {esc(str(a.get('base_seed', '?')))}; "
              f"command: <code>{esc(str(a.get('command_line', '')))}</code>.")
    if decision is not None:
        sentences, chart, decision_tables = decision
        intro = '<ul class="decision">' + "".join(f"<li>{esc(s)}</li>" for s in sentences) + "</ul>"
        sections = [("The decision", [chart], decision_tables, intro)] + list(sections)
    write_generic_page(path, f"PlaceSim report: {results.path.name}", summary, sections, tables,
                       ("Scenario", "The fully resolved scenario stored in the results file: save it as a .toml "
                        "file to run the same scenario again.", results.scenario), footer)


def write_generic_page(path, title, summary_html, sections, tables, text_block, footer_html):
    """One offline page: a summary, sections (heading, charts[, tables[, intro html]]), tables
    at the end, a block of text (heading, caption, text) and a footer."""
    title = esc(title)
    block_heading, block_caption, block_text = text_block
    sections = [_normalised(s) for s in sections]
    plotly = any(chart.interactive is not None for s in sections for chart in s[1])
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{title}</title>", '<link rel="icon" href="data:,">',
             f'<script src="{PLOTLY_JS}"></script>' if plotly else "",
             f"<style>{STYLE}</style></head><body>", f"<h1>{title}</h1>", f"<p>{summary_html}</p>"]
    first = sections[:1] if sections and sections[0][0] == "The decision" else []
    rest = sections[len(first):]

    def section(heading, charts, section_tables, intro):
        out = [f'<h2 id="{_anchor(heading)}">{esc(heading)}</h2>', intro]
        if heading == "The decision" and section_tables:
            # The ranking right under the words: the answer before the chart that shows it.
            t_heading, caption, frame = section_tables[0]
            out.append(f"<h3>{esc(t_heading)}</h3><p>{esc(caption)}</p>{_table(frame)}")
            section_tables = section_tables[1:]
        out += [_chart(chart) for chart in charts]
        out += [f"<h3>{esc(h)}</h3><p>{esc(c)}</p>{_table(f)}" for h, c, f in section_tables]
        return out

    for s in first:
        parts += section(*s)
    parts.append("<nav><ul>" + "".join(f'<li><a href="#{_anchor(s[0])}">{esc(s[0])}</a></li>' for s in rest)
                 + ('<li><a href="#tables">Tables</a></li>' if tables else "")
                 + f'<li><a href="#{_anchor(block_heading)}">{esc(block_heading)}</a></li></ul></nav>')
    for s in rest:
        parts += section(*s)
    if tables:
        parts.append('<h2 id="tables">Tables</h2>')
        for heading, caption, frame in tables:
            parts.append(f"<h3>{esc(heading)}</h3><p>{esc(caption)}</p>{_table(frame)}")
    parts.append(f'<h2 id="{_anchor(block_heading)}">{esc(block_heading)}</h2><p>{esc(block_caption)}</p>')
    parts.append(f"<pre>{esc(block_text)}</pre>")
    parts.append(f"<footer>{footer_html}</footer>")
    parts.append("</body></html>")
    path.write_text("\n".join(p for p in parts if p), encoding="utf-8")
