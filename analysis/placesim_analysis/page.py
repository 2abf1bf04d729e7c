"""index.html: one offline page with every chart, the tables, the scenario and provenance."""
import html

import pandas as pd


def _table(frame, digits=3):
    formatted = frame.copy()
    for column in formatted.columns:
        if pd.api.types.is_float_dtype(formatted[column]):
            formatted[column] = formatted[column].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}g}")
    return formatted.to_html(index=False, border=0, classes="data", escape=True)


STYLE = """
body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; color: #444; }
table.data { border-collapse: collapse; font-size: 0.85em; margin: 1em 0; }
table.data th, table.data td { padding: 0.2em 0.6em; border-bottom: 1px solid #ddd; text-align: right; }
table.data th { background: #f2f2f2; }
pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.8em; max-height: 30em; }
footer { margin-top: 3em; font-size: 0.85em; color: #555; border-top: 1px solid #ccc; padding-top: 1em; }
.files a { margin-right: 0.6em; }
"""


def write_page(path, results, sections, tables):
    """sections: [(heading, [Chart])]; tables: [(heading, caption, DataFrame)]."""
    esc = html.escape
    a = results.attrs
    summary = (f"{int(a['runs'])} runs of {int(a['months'])} months; strategies: "
               f"{esc(', '.join(results.strategies))}; design: {esc(results.sweep_design)}"
               f"{'; failed runs: ' + str(len(results.failed_runs)) if len(results.failed_runs) else ''}.")
    if "[posterior]" in results.scenario:
        summary += (" Parameters were drawn from a calibration's posterior, one draw per replicate and the same "
                    "for every strategy: the intervals carry the parameters' uncertainty.")
    footer = (f"Results file {esc(str(results.path))}; written by placesim "
              f"{esc(str(a.get('program_version', '?')))} (commit {esc(str(a.get('git_commit', '?')))}) "
              f"on {esc(str(a.get('created_utc', '?')))}; base seed {esc(str(a.get('base_seed', '?')))}; "
              f"command: <code>{esc(str(a.get('command_line', '')))}</code>.")
    write_generic_page(path, f"PlaceSim report: {results.path.name}", summary, sections, tables,
                       ("Scenario", "The fully resolved scenario stored in the results file: save it as a .toml "
                        "file to run the same scenario again.", results.scenario), footer)


def write_generic_page(path, title, summary_html, sections, tables, text_block, footer_html):
    """One offline page: a summary, sections of charts, tables, a block of text (heading,
    caption, text) and a footer."""
    esc = html.escape
    title = esc(title)
    block_heading, block_caption, block_text = text_block
    block_id = block_heading.lower().replace(" ", "-")
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{title}</title>", '<link rel="icon" href="data:,">',
             f"<style>{STYLE}</style></head><body>", f"<h1>{title}</h1>", f"<p>{summary_html}</p>"]
    parts.append("<ul>" + "".join(f'<li><a href="#{esc(h.lower().replace(" ", "-"))}">{esc(h)}</a></li>'
                                  for h, _ in sections) + '<li><a href="#tables">Tables</a></li>'
                 f'<li><a href="#{esc(block_id)}">{esc(block_heading)}</a></li></ul>')
    for heading, charts in sections:
        parts.append(f'<h2 id="{esc(heading.lower().replace(" ", "-"))}">{esc(heading)}</h2>')
        for chart in charts:
            links = " ".join(f'<a href="{esc(f)}">{esc(f.rsplit(".", 1)[1].upper())}</a>'
                             for f in chart.files)
            parts.append(f'<figure><img src="{esc(chart.name)}.png" alt="{esc(chart.title)}">'
                         f"<figcaption>{esc(chart.caption)} <span class=\"files\">{links}</span>"
                         "</figcaption></figure>")
    parts.append('<h2 id="tables">Tables</h2>')
    for heading, caption, frame in tables:
        parts.append(f"<h3>{esc(heading)}</h3><p>{esc(caption)}</p>{_table(frame)}")
    parts.append(f'<h2 id="{esc(block_id)}">{esc(block_heading)}</h2><p>{esc(block_caption)}</p>')
    parts.append(f"<pre>{esc(block_text)}</pre>")
    parts.append(f"<footer>{footer_html}</footer>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
